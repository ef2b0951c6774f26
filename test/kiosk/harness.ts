import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { CU16_PROFILE, createLink, type LockerLink, probeKerongBus } from '../../firmware-bridge';
import { createSimulator, type KnobSettings, type Simulator } from '../../hardware-sim/simulator';
import { DEFAULT_HTTP_SETTINGS } from '../../src/config';
import { kioskEventsFrom } from '../../src/daemon/kiosk-events';
import { createLinkDoorPort } from '../../src/daemon/link-door-port';
import { ScanFeed } from '../../src/daemon/scans';
import { hashPin } from '../../src/domain/staff-pin';
import {
  createKiosk,
  type HttpConfig,
  type Kiosk,
  type KioskEvent,
  type PrintableReceipt,
  type ReceiptPrinterPort,
  type SimulatorControl,
} from '../../src/kiosk';
import { createLedger, type Ledger, unsealFromOutbox } from '../../src/ledger';
import { openStore, type Store } from '../../src/store';
import { seed } from '../ledger/harness';
import { until as poll } from '../support/child-process';
import { CALENDAR, FAST, KIOSK_KEY, MONDAY_9AM } from '../support/fixtures';
import { perTest } from '../support/release';

/**
 * The kiosk's services over a real store, the real ledger and one simulated bank of six doors, with
 * a clock the test moves by hand. No HTTP: the HTTP tests build their app on this.
 */

export { KIOSK_KEY, MONDAY_9AM };

export const PINS = { staff: '2468', supervisor: '1357', technician: '9753' } as const;
// scrypt is slow on purpose: hash once per test run, not per test.
const PIN_HASHES = Object.fromEntries(Object.entries(PINS).map(([role, pin]) => [role, hashPin(pin)]));

export const CITIZEN = { procedureCode: 'BIRTH', name: 'Nguyễn Văn An', phone: '0901234567' };
export const CITIZEN_LAND = { procedureCode: 'LAND', name: 'Trần Thị Bình', phone: '0912345678' };

export interface KioskOptions {
  config?: Partial<HttpConfig>;
  simulator?: boolean;
  backup?: boolean;
  /** Stands in for the rig's printer, which records every slip in `printed`. */
  printReceipt?: ReceiptPrinterPort;
  /**
   * The simulated bank's boards: our line dialect (default), or one Kerong CU16 board answering
   * as the simulator's knobs say (its reply variant, polarity...), which the technician may
   * commission from the console.
   */
  bank?: { dialect: 'line' } | { dialect: 'kerong'; wire?: Partial<KnobSettings> };
}

/** The Kerong board profile of the rig's link: CU16 with a short settle window for in-process boards. */
const QUICK_CU16 = { ...CU16_PROFILE, settleMs: 30 };

export interface KioskRig {
  /** The kiosk's services under test. */
  kiosk: Kiosk;
  /** The settings they were built with (defaults filled in). */
  config: HttpConfig;
  sim: Simulator;
  link: LockerLink;
  store: Store;
  ledger: Ledger;
  now: { ms: number };
  /** Every log line written, as text. */
  logs: string[];
  logger: pino.Logger;
  printed: PrintableReceipt[];
  /** What the simulated scanner was given to read. */
  scans: string[];
  /** Every event of the kiosk's live feed, as the services publish it. */
  published: KioskEvent[];
  /** The kiosk's own scanner reads a line; resolves once the pickup it started is answered. */
  scan(text: string): Promise<void>;
  /** Pulls the bank's cable and keeps it out until restored. */
  cutLink(cut: boolean): void;
  /** A door's channel on the simulated board for a locker id. */
  channel(lockerId: number): number;
  /** The typed pickup code sent by SMS for a dossier (read back from the outbox). */
  pickupCode(dossierId: number): string;
  dispose(): Promise<void>;
}

/** The rigs of each test, disposed after it. */
export function rigPerTest(): (options?: KioskOptions) => Promise<KioskRig> {
  return perTest(startKioskRig);
}

/** Waits up to 15 s of real time for what the rig's simulator and link do. */
export const until = (condition: () => boolean, what: string): Promise<void> => poll(condition, what, 1500);

export async function startKioskRig(options: KioskOptions = {}): Promise<KioskRig> {
  const bank = options.bank ?? { dialect: 'line' };
  const sim = createSimulator({
    dialect: bank.dialect,
    boards: 1,
    doors: 6,
    baud: 'instant',
    ...(bank.dialect === 'kerong' && bank.wire ? { wire: bank.wire } : {}),
  });
  let cut = false;
  const transport = () => {
    if (cut) throw new Error('cable cut');
    return sim.connectPipe();
  };
  const link = createLink({
    transport,
    dialect: bank.dialect,
    ...(bank.dialect === 'kerong' ? { boards: [0], channels: 6, kerongProfile: QUICK_CU16 } : {}),
    options: FAST,
  });
  await link.start();
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-'));
  const store = openStore(join(dir, 'ledger.db'));
  const now = { ms: MONDAY_9AM };
  seed(store);
  store.write(() => {
    const base = { nameVi: 'Thủ tục', nameEn: 'Procedure', feeNote: null, active: true };
    store.procedures.upsert({ ...base, code: 'BIG', workingDays: 5, lockerSize: 'L', secondFactor: false });
    for (const role of ['staff', 'supervisor', 'technician'] as const) {
      store.staff.create({ id: `${role}1`, role, pinHash: PIN_HASHES[role]!, createdAt: now.ms });
    }
  });
  const doors = createLinkDoorPort({ links: new Map([[0, link]]), lockers: () => store.lockers.list() });
  const ledger = createLedger({
    store,
    doors,
    clock: () => now.ms,
    kioskCode: '061',
    kioskKey: KIOSK_KEY,
    calendar: CALENDAR,
    timeouts: { linkReadyMs: 2000 },
  });
  await ledger.reconcile();
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
  const printed: PrintableReceipt[] = [];
  const scans: string[] = [];
  const scanner = new ScanFeed();
  const channel = (lockerId: number) => lockerId - 1;
  const config = { ...DEFAULT_HTTP_SETTINGS, port: 0, ...options.config };
  const simulator: SimulatorControl = {
    closeDoor: (id) => sim.closeDoor(0, channel(id)),
    forceOpen: (id) => sim.forceOpen(0, channel(id)),
    putItem: (id) => sim.putItem(0, channel(id)),
    takeItem: (id) => sim.takeItem(0, channel(id)),
    jam: (id, on) => (on ? sim.jam(0, channel(id)) : sim.unjam(0, channel(id))),
    scan: (payload) => {
      scans.push(payload);
      scanner.push(payload);
    },
    cutLink: (_bank, c) => rig.cutLink(c),
  };
  const kiosk = createKiosk({
    ledger,
    store,
    linksHealth: () => [{ bank: 0, state: link.state, stats: link.stats(), boards: link.snapshot() }],
    events: kioskEventsFrom(doors, new Map([[0, link]])),
    printReceipt:
      options.printReceipt ??
      (async (r) => {
        printed.push(r);
      }),
    scans: scanner,
    clock: () => now.ms,
    logger,
    settings: config,
    ...(options.backup ? { backupNow: () => store.backupTo(join(dir, 'backup.db')) } : {}),
    ...(options.simulator ? { simulator } : {}),
    commissioning: {
      probeKerong: probeKerongBus,
      bus: (b) =>
        b === 0
          ? {
              bank: 0,
              dialect: bank.dialect,
              transport,
              boards: [0],
              channels: 6,
              baudRate: QUICK_CU16.baud,
              replyTimeoutMs: 40,
              stopLink: () => link.stop(),
              restartLink: () => void link.start().catch(() => {}),
            }
          : null,
    },
  });
  const published: KioskEvent[] = [];
  const offPublished = kiosk.events.subscribe((e) => published.push(e));
  const rig: KioskRig = {
    kiosk,
    config,
    sim,
    link,
    store,
    ledger,
    now,
    logs,
    logger,
    printed,
    scans,
    published,
    async scan(text) {
      scanner.push(text);
      await scanner.settled();
    },
    channel,
    cutLink(c) {
      cut = c;
      if (c) sim.faults.disconnect();
    },
    pickupCode(dossierId) {
      const notice = store.outbox
        .due(Number.MAX_SAFE_INTEGER, 1000)
        .filter((m) => m.kind === 'result_ready' && m.dossierId === dossierId)
        .at(-1);
      if (!notice) throw new Error(`no pickup notice for dossier ${dossierId}`);
      return unsealFromOutbox(String(notice.payload.sealed), dossierId, KIOSK_KEY);
    },
    async dispose() {
      offPublished();
      kiosk.releaseWaiters();
      kiosk.stop();
      ledger.stop();
      await link.stop();
      await sim.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}
