import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach } from 'vitest';
import { createLink, type LockerLink } from '../../firmware-bridge';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import { createLinkDoorPort } from '../../src/daemon/link-door-port';
import { ScanFeed } from '../../src/daemon/scans';
import { hashPin } from '../../src/domain/staff-pin';
import { buildApp } from '../../src/http/app';
import {
  type AppDeps,
  DEFAULT_HTTP_CONFIG,
  type HttpConfig,
  type KioskEvent,
  type PrintableReceipt,
} from '../../src/http/deps';
import { kioskEventsFrom } from '../../src/http/kiosk-events';
import { createLedger, type Ledger, unsealFromOutbox } from '../../src/ledger';
import { openStore, type Store } from '../../src/store';
import { CALENDAR, FAST, KIOSK_KEY, LOCKERS, MONDAY_9AM } from '../support/fixtures';

export const PINS = { staff: '2468', supervisor: '1357', technician: '9753' } as const;
// scrypt is slow on purpose: hash once per test run, not per test.
const PIN_HASHES = Object.fromEntries(Object.entries(PINS).map(([role, pin]) => [role, hashPin(pin)]));

export const CITIZEN = { procedureCode: 'BIRTH', name: 'Nguyễn Văn An', phone: '0901234567' };
export const CITIZEN_LAND = { procedureCode: 'LAND', name: 'Trần Thị Bình', phone: '0912345678' };

export interface Kiosk {
  app: FastifyInstance;
  sim: Simulator;
  link: LockerLink;
  store: Store;
  ledger: Ledger;
  now: { ms: number };
  /** Every log line the app wrote, as text. */
  logs: string[];
  printed: PrintableReceipt[];
  /** What the simulated scanner was given to read. */
  scans: string[];
  /** Every message the live feed carried (what the kiosk screen hears). */
  events: KioskEvent[];
  /** The kiosk's own scanner reads a line; resolves once the pickup it started is answered. */
  scan(text: string): Promise<void>;
  /** Pulls the bank's cable and keeps it out until restored. */
  cutLink(cut: boolean): void;
  /** A door's channel on the simulated board for a locker id. */
  channel(lockerId: number): number;
  /** Signs in and returns the bearer header. */
  signIn(role: keyof typeof PINS): Promise<{ authorization: string }>;
  /** The typed pickup code sent by SMS for a dossier (read back from the outbox). */
  pickupCode(dossierId: number): string;
  dispose(): Promise<void>;
}

/**
 * The kiosks of each test, disposed after it: `const start = kioskPerTest();` at the top of a test
 * file, then `const k = await start(options)` in a test.
 */
export function kioskPerTest(): (options?: Parameters<typeof startKiosk>[0]) => Promise<Kiosk> {
  const started: Kiosk[] = [];
  afterEach(async () => {
    for (const k of started.splice(0)) await k.dispose();
  });
  return async (options) => {
    const k = await startKiosk(options);
    started.push(k);
    return k;
  };
}

export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function startKiosk(
  options: { config?: Partial<HttpConfig>; simulator?: boolean; backup?: boolean } = {},
): Promise<Kiosk> {
  const sim = createSimulator({ dialect: 'line', boards: 1, doors: 6, baud: 'instant' });
  let cut = false;
  const link = createLink({
    transport: () => {
      if (cut) throw new Error('cable cut');
      return sim.connectPipe();
    },
    dialect: 'line',
    options: FAST,
  });
  await link.start();
  const dir = mkdtempSync(join(tmpdir(), 'http-'));
  const store = openStore(join(dir, 'ledger.db'));
  const now = { ms: MONDAY_9AM };
  store.write(() => {
    for (const l of LOCKERS) {
      store.lockers.upsert({ id: l.id, bank: 0, board: 0, channel: l.id - 1, size: l.size, position: l.id });
    }
    const base = { nameVi: 'Thủ tục', nameEn: 'Procedure', feeNote: null, active: true };
    store.procedures.upsert({ ...base, code: 'BIRTH', workingDays: 3, lockerSize: 'S', secondFactor: false });
    store.procedures.upsert({ ...base, code: 'LAND', workingDays: 10, lockerSize: 'M', secondFactor: true });
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
  const deps: AppDeps = {
    ledger,
    store,
    linksHealth: () => [{ bank: 0, state: link.state, stats: link.stats(), boards: link.snapshot() }],
    events: kioskEventsFrom(doors, new Map([[0, link]])),
    printReceipt: async (r) => {
      printed.push(r);
    },
    scans: scanner,
    clock: () => now.ms,
    logger,
    config: { ...DEFAULT_HTTP_CONFIG, port: 0, ...options.config },
    ...(options.backup ? { backupNow: () => store.backupTo(join(dir, 'backup.db')) } : {}),
    ...(options.simulator
      ? {
          simulator: {
            closeDoor: (id) => sim.closeDoor(0, channel(id)),
            forceOpen: (id) => sim.forceOpen(0, channel(id)),
            putItem: (id) => sim.putItem(0, channel(id)),
            takeItem: (id) => sim.takeItem(0, channel(id)),
            jam: (id, on) => (on ? sim.jam(0, channel(id)) : sim.unjam(0, channel(id))),
            scan: (payload) => {
              scans.push(payload);
              scanner.push(payload);
            },
            cutLink: (_bank, c) => kiosk.cutLink(c),
          },
        }
      : {}),
  };
  const events: KioskEvent[] = [];
  const app = await buildApp(deps);
  // The live feed as the kiosk screen hears it. With an office-LAN host the feed answers only to
  // the screen's own socket, which an injected one is not: those tests go without.
  await app.ready();
  const feed = options.config?.officeHost ? null : await app.injectWS('/api/v1/events');
  feed?.on('message', (data: Buffer) => events.push(JSON.parse(data.toString('utf8')) as KioskEvent));
  const kiosk: Kiosk = {
    app,
    sim,
    link,
    store,
    ledger,
    now,
    logs,
    printed,
    scans,
    events,
    async scan(text) {
      scanner.push(text);
      await scanner.settled();
    },
    channel,
    cutLink(c) {
      cut = c;
      if (c) sim.faults.disconnect();
    },
    async signIn(role) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { accountId: `${role}1`, pin: PINS[role] },
      });
      if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
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
      feed?.terminate();
      await app.close();
      ledger.stop();
      await link.stop();
      await sim.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return kiosk;
}
