import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app';
import type { KioskEvent } from '../../src/kiosk';
import { type KioskOptions, type KioskRig, PINS, startKioskRig } from '../kiosk/harness';
import { perTest } from '../support/release';

export {
  CITIZEN,
  CITIZEN_LAND,
  KIOSK_KEY,
  MONDAY_9AM,
  PINS,
  until,
} from '../kiosk/harness';

/** The kiosk's services (see test/kiosk/harness.ts) behind the HTTP shell, reached by inject. */
export interface Kiosk extends KioskRig {
  app: FastifyInstance;
  /** Every message the live feed carried (what the kiosk screen hears over its websocket). */
  events: KioskEvent[];
  /** Signs in and returns the bearer header. */
  signIn(role: keyof typeof PINS): Promise<{ authorization: string }>;
}

/**
 * The kiosks of each test, disposed after it: `const start = kioskPerTest();` at the top of a test
 * file, then `const k = await start(options)` in a test.
 */
export function kioskPerTest(): (options?: KioskOptions) => Promise<Kiosk> {
  return perTest(startKiosk);
}

export async function startKiosk(options: KioskOptions = {}): Promise<Kiosk> {
  const rig = await startKioskRig(options);
  const app = await buildApp({ kiosk: rig.kiosk, logger: rig.logger, config: rig.config });
  const events: KioskEvent[] = [];
  // The live feed as the kiosk screen hears it. With an office-LAN host the feed answers only to
  // the screen's own socket, which an injected one is not: those tests go without.
  await app.ready();
  const feed = options.config?.officeHost ? null : await app.injectWS('/api/v1/events');
  feed?.on('message', (data: Buffer) => events.push(JSON.parse(data.toString('utf8')) as KioskEvent));
  const disposeRig = rig.dispose;
  return Object.assign(rig, {
    app,
    events,
    async signIn(role: keyof typeof PINS) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { accountId: `${role}1`, pin: PINS[role] },
      });
      if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
    },
    async dispose() {
      feed?.terminate();
      await app.close();
      await disposeRig();
    },
  });
}
