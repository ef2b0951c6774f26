import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLink, type LockerLink } from '../../firmware-bridge';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import { createLinkDoorPort } from '../../src/daemon/link-door-port';
import { createLedger, type Ledger, unsealFromOutbox } from '../../src/ledger';
import { openStore, type Store } from '../../src/store';
import { until } from '../support/child-process';
import { CALENDAR, FAST, KIOSK_KEY } from '../support/fixtures';
import { CITIZEN_A, seed } from './harness';

let sim: Simulator | null = null;
let sim2: Simulator | null = null;
let link2: LockerLink | null = null;
let link: LockerLink | null = null;
let store: Store | null = null;
let ledger: Ledger | null = null;
let dir: string | null = null;
afterEach(async () => {
  ledger?.stop();
  await link?.stop();
  await link2?.stop();
  await sim?.stop();
  await sim2?.stop();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = sim2 = link = link2 = store = ledger = dir = null;
});

async function setUp(): Promise<{ sim: Simulator; store: Store; ledger: Ledger }> {
  sim = createSimulator({ dialect: 'line', boards: 1, doors: 6, baud: 'instant' });
  const s = sim;
  link = createLink({ transport: () => s.connectPipe(), dialect: 'line', options: FAST });
  await link.start();
  dir = mkdtempSync(join(tmpdir(), 'ledger-sim-'));
  store = openStore(join(dir, 'ledger.db'));
  seed(store);
  const st = store;
  const doors = createLinkDoorPort({ links: new Map([[0, link]]), lockers: () => st.lockers.list() });
  ledger = createLedger({ store, doors, kioskCode: '061', kioskKey: KIOSK_KEY, calendar: CALENDAR });
  return { sim: s, store, ledger };
}

describe('the ledger with the real driver and the simulated boards', () => {
  it('walks a dossier from drop-off to pickup with the simulator hands', { timeout: 20_000 }, async () => {
    const { sim, store, ledger } = await setUp();
    expect(await ledger.reconcile()).toMatchObject({
      linkReady: true,
      doorsRead: 6,
      operations: 0,
      incidents: 0,
    });

    const dropped = await ledger.dropOff.start(CITIZEN_A);
    expect(dropped).toMatchObject({ ok: true, lockerId: 1 });
    expect(sim.truth(0, 0).doorOpen).toBe(true);
    sim.putItem(0, 0);
    sim.closeDoor(0, 0);
    const deposited = await ledger.awaitClose(dropped.operationId);
    expect(deposited).toMatchObject({ state: 'deposited', outcome: 'closed_with_item' });
    const dossierId = dropped.dossierId!;

    const collecting = await ledger.collection.open(dossierId, 'st1');
    expect(collecting.ok).toBe(true);
    sim.takeItem(0, 0);
    sim.closeDoor(0, 0);
    expect((await ledger.awaitClose(collecting.operationId)).state).toBe('at_counter');

    const loading = await ledger.loading.open(dossierId, 'st1');
    expect(loading).toMatchObject({ ok: true, lockerId: 1 });
    sim.putItem(0, 0);
    sim.closeDoor(0, 0);
    expect((await ledger.awaitClose(loading.operationId)).state).toBe('ready');
    const notice = store.outbox.due(Date.now() + 1000, 10).find((m) => m.kind === 'result_ready')!;
    expect(unsealFromOutbox(String(notice.payload.sealed), dossierId, KIOSK_KEY)).toMatch(/^\d{8}$/);

    const pickup = await ledger.pickup.start({ qr: deposited.issued!.qrPayload });
    expect(pickup.ok).toBe(true);
    expect(sim.truth(0, 0).doorOpen).toBe(true);
    sim.takeItem(0, 0);
    sim.closeDoor(0, 0);
    expect((await ledger.awaitClose(pickup.operationId)).state).toBe('picked_up');
    expect(sim.fires.length).toBe(4);
    expect(store.doorOperations.listUnsettled()).toEqual([]);
  });

  it('a jammed lock leaves the drop-off to inspect; a forced door raises an alarm', {
    timeout: 20_000,
  }, async () => {
    const { sim, store, ledger } = await setUp();
    sim.jam(0, 0);
    const jammed = await ledger.dropOff.start(CITIZEN_A);
    expect(jammed).toMatchObject({ ok: false, outcome: 'jammed', needsInspection: true });
    expect(store.dossiers.get(jammed.dossierId!)!.state).toBe('needs_inspection');

    const next = await ledger.dropOff.start(CITIZEN_A);
    expect(next).toMatchObject({ ok: true, lockerId: 2 });
    sim.putItem(0, 1);
    sim.closeDoor(0, 1);
    await ledger.awaitClose(next.operationId);
    sim.forceOpen(0, 1);
    await until(() => store.incidents.listOpen().some((i) => i.kind === 'uncommanded_open'), 'the alarm');
    expect(store.dossiers.get(next.dossierId!)!.state).toBe('needs_inspection');
  });
});

describe('the door port over several buses', () => {
  it('addresses each locker on its own bus, board and channel', { timeout: 20_000 }, async () => {
    const { sim, store } = await setUp();
    sim2 = createSimulator({ dialect: 'line', boards: 2, doors: 2, baud: 'instant' });
    const s2 = sim2;
    link2 = createLink({ transport: () => s2.connectPipe(), dialect: 'line', options: FAST });
    await link2.start();
    store.write(() => store.lockers.upsert({ id: 7, bank: 1, board: 1, channel: 1, size: 'L', position: 7 }));
    const doors = createLinkDoorPort({
      links: new Map([
        [0, link!],
        [1, link2],
      ]),
      lockers: () => store.lockers.list(),
    });
    expect(await doors.open(7)).toMatchObject({ kind: 'opened' });
    expect(s2.truth(1, 1).doorOpen).toBe(true);
    expect(sim.fires).toEqual([]);
    s2.putItem(1, 1);
    const closed = new Promise((resolve) => doors.subscribe((e) => e.type === 'closed' && resolve(e)));
    s2.closeDoor(1, 1);
    expect(await closed).toEqual({ type: 'closed', lockerId: 7, present: true });
    const all = await doors.readAll();
    expect([...all.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(all.get(7)).toMatchObject({ open: false, present: true });
    expect(all.get(1)).toMatchObject({ open: false, present: false });
    expect(await doors.open(99)).toMatchObject({ kind: 'refused' });
  });
});
