import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { StoreError } from '../../src/store/errors';
import { connectionOf } from '../../src/store/internal';
import { newReceipt, seedBasics, T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = openStore(tmp.file('ledger.db'));
  seedBasics(store);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function dropOff(lockerId: number): number {
  return store.write(() =>
    store.dossiers.insert({
      receiptNo: newReceipt(),
      procedureCode: 'HT.01',
      origin: 'kiosk',
      state: 'reserved',
      lockerId,
      createdAt: T0,
    }),
  );
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof StoreError ? e.code : `other: ${(e as Error).message}`;
  }
  return undefined;
}

describe('one live dossier per door', () => {
  it('the database refuses a second live dossier on the same door', () => {
    dropOff(1);
    expect(codeOf(() => dropOff(1))).toBe('LOCKER_TAKEN');
    // Below the repository too: raw SQL meets the same partial unique index.
    const db = connectionOf(store);
    expect(() =>
      db
        .prepare(
          "INSERT INTO dossiers (receipt_no, procedure_code, origin, state, locker_id, created_at) VALUES ('X1', 'HT.01', 'online', 'ready', 1, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed: dossiers.locker_id/);
  });

  it('moving a second dossier into a held door is refused as well', () => {
    dropOff(1);
    const other = dropOff(2);
    expect(codeOf(() => store.write(() => store.dossiers.update(other, { lockerId: 1 })))).toBe(
      'LOCKER_TAKEN',
    );
    expect(store.dossiers.get(other)?.lockerId).toBe(2);
  });

  it('a door is free again once its dossier is no longer live, and history keeps the door', () => {
    const first = dropOff(1);
    store.write(() => store.dossiers.update(first, { state: 'cancelled', closedAt: T0 + 1000 }, 'reserved'));
    const second = dropOff(1);
    expect(store.dossiers.liveOnLocker(1)?.id).toBe(second);
    expect(store.dossiers.get(first)).toMatchObject({ state: 'cancelled', lockerId: 1, closedAt: T0 + 1000 });
  });

  it('an update guarded by the expected state changes nothing when the state moved on', () => {
    const id = dropOff(1);
    expect(
      store.write(() => store.dossiers.update(id, { state: 'deposited', depositedAt: T0 + 5 }, 'reserved')),
    ).toBe(true);
    expect(store.write(() => store.dossiers.update(id, { state: 'cancelled' }, 'reserved'))).toBe(false);
    expect(store.dossiers.get(id)).toMatchObject({ state: 'deposited', depositedAt: T0 + 5, late: false });
  });

  it('needs_inspection keeps the door and remembers where it came from', () => {
    const id = dropOff(1);
    store.write(() => store.dossiers.update(id, { state: 'needs_inspection', inspectedFrom: 'reserved' }));
    expect(codeOf(() => dropOff(1))).toBe('LOCKER_TAKEN');
    expect(store.dossiers.get(id)?.inspectedFrom).toBe('reserved');
    expect(store.dossiers.listByState('needs_inspection', 10).map((d) => d.id)).toEqual([id]);
  });
});

describe('lockers', () => {
  it('lists as available only in-service doors with no live dossier and no unsettled operation', () => {
    dropOff(1);
    store.write(() => {
      store.lockers.setInService(2, false, 'solenoid does not pull');
      store.doorOperations.recordIntent({
        lockerId: 3,
        purpose: 'tech_open',
        actor: 'technician:T1',
        createdAt: T0,
      });
    });
    expect(store.lockers.listAvailable().map((l) => l.id)).toEqual([4]);
    expect(store.lockers.listAvailable('S')).toEqual([]);
    const occupancy = store.lockers.listWithOccupancy();
    expect(occupancy.map((l) => [l.id, l.inService, l.assigned, l.unsettledOperation])).toEqual([
      [1, true, true, false],
      [2, false, false, false],
      [3, true, false, true],
      [4, true, false, false],
    ]);
    expect(store.lockers.get(2)?.outOfServiceReason).toBe('solenoid does not pull');
    // One door at a time answers exactly as the list does.
    for (const door of occupancy) expect(store.lockers.occupancy(door.id)).toEqual(door);
    expect(store.lockers.occupancy(99)).toBeUndefined();
  });
});

describe('door operations', () => {
  it('go intent -> sent -> settled once, and unsettled ones are listed for start-up', () => {
    const dossierId = dropOff(1);
    const [a, b] = store.write(() => [
      store.doorOperations.recordIntent({
        lockerId: 1,
        dossierId,
        purpose: 'deposit',
        actor: 'kiosk',
        createdAt: T0,
      }),
      store.doorOperations.recordIntent({
        lockerId: 2,
        purpose: 'inspect',
        actor: 'technician:T1',
        createdAt: T0,
      }),
    ]);
    store.write(() => store.doorOperations.markSent(a!, T0 + 10));
    expect(store.doorOperations.listUnsettled().map((o) => [o.id, o.state])).toEqual([
      [a, 'sent'],
      [b, 'intent'],
    ]);
    const settled = store.write(() =>
      store.doorOperations.settle(a!, { state: 'confirmed', outcome: 'closed_with_item', at: T0 + 40_000 }),
    );
    expect(settled).toBe(true);
    expect(
      store.write(() =>
        store.doorOperations.settle(a!, { state: 'needs_inspection', outcome: null, at: T0 }),
      ),
    ).toBe(false);
    expect(store.doorOperations.listForDossier(dossierId)).toMatchObject([
      { id: a, state: 'confirmed', outcome: 'closed_with_item', sentAt: T0 + 10, settledAt: T0 + 40_000 },
    ]);
    expect(store.doorOperations.listUnsettled().map((o) => o.id)).toEqual([b]);
  });
});
