import { createLink } from '../../../firmware-bridge/driver/create-link';
import type { LinkOptions } from '../../../firmware-bridge/driver/options';
import type { LockerLink } from '../../../firmware-bridge/driver/types';
import { createLinkDoorPort } from '../../../src/daemon/link-door-port';
import { createLedger, type Ledger } from '../../../src/ledger';
import { openStore, type Store } from '../../../src/store/database';
import { CALENDAR } from '../../support/fixtures';
import { BANK } from './bank-layout';

/** Link timings for boards answering over loopback at once; opens are not rate-capped here. */
const LOOPBACK_LINK: Partial<LinkOptions> = {
  replyTimeoutMs: 150,
  helloTimeoutMs: 400,
  jamWindowMs: 400,
  watchPollMs: 20,
  heartbeatIntervalMs: 200,
  pollIntervalMs: 50,
  backoffInitialMs: 20,
  backoffMaxMs: 200,
  connectTimeoutMs: 1000,
  maxOpensPerMinute: 1_000_000,
};

/** A door left open longer than this needs inspection; the hands sometimes leave one that long. */
export const DOOR_OPEN_TIMEOUT_MS = 1000;

export type Daemon = { readonly store: Store; readonly link: LockerLink; readonly ledger: Ledger };

/** The ledger daemon as the kiosk runs it: the store file, one bus over TCP, the ledger services. */
export async function startDaemon(
  db: string,
  port: number,
  progress: (step: string) => void,
): Promise<Daemon> {
  const store = openStore(db, { quickCheck: 'startup' });
  progress('store open');
  const link = createLink({ transport: `tcp://127.0.0.1:${port}`, dialect: 'line', options: LOOPBACK_LINK });
  await link.start();
  progress('link ready');
  const doors = createLinkDoorPort({ links: new Map([[BANK, link]]), lockers: () => store.lockers.list() });
  const ledger = createLedger({
    store,
    doors,
    kioskCode: '061',
    // A fixed key: typed codes must still verify after a restart, as with the kiosk's key file.
    kioskKey: Buffer.alloc(32, 0x5a),
    calendar: CALENDAR,
    timeouts: { doorOpenMs: DOOR_OPEN_TIMEOUT_MS, linkReadyMs: 5000, sweepEveryMs: 100 },
    // Results that were not picked up may be reclaimed at once, so doors keep coming free.
    reclaimAfterDays: 1e-9,
    logger: {
      warn: (fields, message) => progress(`warn: ${message} ${JSON.stringify(fields)}`),
      error: (fields, message) => progress(`error: ${message} ${JSON.stringify(fields)}`),
    },
  });
  return { store, link, ledger };
}

export async function stopDaemon(daemon: Daemon): Promise<void> {
  daemon.ledger.stop();
  await daemon.link.stop();
  daemon.store.close();
}
