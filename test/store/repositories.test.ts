import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { DAY, newReceipt, seedBasics, T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
const path = () => tmp.file('ledger.db');
beforeEach(() => {
  tmp = tempDir('store-repos-');
  store = openStore(path());
  seedBasics(store);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function reopen(): void {
  store.close();
  store = openStore(path());
}

function newDossier(state: 'reserved' | 'ready' = 'ready', lockerId: number | null = null): number {
  return store.write(() =>
    store.dossiers.insert({
      receiptNo: newReceipt(),
      procedureCode: 'HT.01',
      origin: 'online',
      state,
      lockerId,
      createdAt: T0,
    }),
  );
}

describe('attempt counters', () => {
  it('survive a restart, and a lock lasts until a staff release', () => {
    const id = newDossier();
    store.write(() => {
      store.attempts.saveDossier(id, { consecutiveFailures: 5, lockedAt: T0 + 50 }, T0 + 50);
      store.attempts.saveKiosk('061', T0, 7);
    });
    reopen();
    expect(store.attempts.forDossier(id)).toMatchObject({
      consecutiveFailures: 5,
      lockedAt: T0 + 50,
      lastFailureAt: T0 + 50,
    });
    expect(store.attempts.forKiosk('061')).toEqual({
      kioskCode: '061',
      lastFailureAt: T0,
      failures: 7,
    });
    expect(store.write(() => store.attempts.releaseDossier(id, 'staff:S01', T0 + 99))).toBe(true);
    expect(store.write(() => store.attempts.releaseDossier(id, 'staff:S01', T0 + 99))).toBe(false);
    expect(store.attempts.forDossier(id)).toMatchObject({
      consecutiveFailures: 0,
      lockedAt: null,
      releasedBy: 'staff:S01',
    });
  });

  it('are zero for a dossier or kiosk never seen', () => {
    expect(store.attempts.forDossier(999)).toMatchObject({ consecutiveFailures: 0, lockedAt: null });
    expect(store.attempts.forKiosk('062')).toEqual({
      kioskCode: '062',
      lastFailureAt: null,
      failures: 0,
    });
  });
});

describe('pickup credentials', () => {
  it('are found by QR hash and open a door once', () => {
    const id = newDossier();
    store.write(() =>
      store.credentials.issue({
        dossierId: id,
        qrSecretHash: 'a'.repeat(64),
        codeHash: 'b'.repeat(64),
        issuedAt: T0,
      }),
    );
    expect(store.credentials.findByQrHash('a'.repeat(64))).toMatchObject({
      dossierId: id,
      usedAt: null,
      secondFactorHash: null,
    });
    expect(store.write(() => store.credentials.markUsed(id, T0 + 1))).toBe(true);
    expect(store.write(() => store.credentials.markUsed(id, T0 + 2))).toBe(false);
    expect(store.credentials.get(id)?.usedAt).toBe(T0 + 1);
    // Re-issuing replaces the hashes and makes the new credential usable.
    store.write(() =>
      store.credentials.issue({
        dossierId: id,
        qrSecretHash: 'c'.repeat(64),
        codeHash: 'd'.repeat(64),
        issuedAt: T0 + 3,
      }),
    );
    expect(store.credentials.findByQrHash('a'.repeat(64))).toBeUndefined();
    expect(store.credentials.get(id)).toMatchObject({ qrSecretHash: 'c'.repeat(64), usedAt: null });
  });
});

describe('receipt sequences', () => {
  it('count per kiosk and per day, from 1, across restarts', () => {
    expect(
      store.write(() => [store.receipts.next('061', '2026-11-21'), store.receipts.next('061', '2026-11-21')]),
    ).toEqual([1, 2]);
    expect(store.write(() => store.receipts.next('062', '2026-11-21'))).toBe(1);
    expect(store.write(() => store.receipts.next('061', '2026-11-22'))).toBe(1);
    reopen();
    expect(store.write(() => store.receipts.next('061', '2026-11-21'))).toBe(3);
    expect(store.receipts.last('061', '2026-11-21')).toBe(3);
  });
});

describe('staff accounts', () => {
  it('count failed logins, lock, and clear on success', () => {
    store.write(() =>
      store.staff.create({ id: 'T1', role: 'technician', pinHash: 'scrypt$x', createdAt: T0 }),
    );
    expect(
      store.write(() => [store.staff.recordFailedLogin('T1'), store.staff.recordFailedLogin('T1')]),
    ).toEqual([1, 2]);
    store.write(() => store.staff.lockUntil('T1', T0 + 900_000));
    expect(store.staff.get('T1')).toMatchObject({
      role: 'technician',
      failedLogins: 2,
      lockedUntil: T0 + 900_000,
      active: true,
    });
    store.write(() => store.staff.clearFailedLogins('T1'));
    expect(store.staff.get('T1')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });
});

describe('notification outbox', () => {
  it('hands out due messages, retries and marks them sent', () => {
    const id = newDossier();
    const [a, b] = store.write(() => [
      store.outbox.enqueue({ dossierId: id, kind: 'result_ready', payload: { dossierId: id }, at: T0 }),
      store.outbox.enqueue({
        dossierId: id,
        kind: 'reminder',
        payload: { dossierId: id, day: 2 },
        at: T0 + 10,
      }),
    ]);
    expect(store.outbox.due(T0 + 5, 10).map((m) => m.id)).toEqual([a]);
    store.write(() => store.outbox.markRetry(a!, T0 + 60_000, 'sms gateway timeout'));
    expect(store.outbox.due(T0 + 30, 10).map((m) => m.id)).toEqual([b]);
    store.write(() => store.outbox.markSent(a!, T0 + 61_000));
    expect(store.outbox.get(a!)).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: 'sms gateway timeout',
      payload: { dossierId: id },
    });
    store.write(() => store.outbox.markFailed(b!, 'number unreachable'));
    expect(store.outbox.due(T0 + DAY, 10)).toEqual([]);
  });
});

describe('incidents and settings', () => {
  it('keep open incidents until resolved, and settings across restarts', () => {
    const i = store.write(() =>
      store.incidents.open({ lockerId: 2, kind: 'uncommanded_open', openedAt: T0 }),
    );
    store.write(() => store.settings.setMaintenanceMode(true, T0));
    reopen();
    expect(store.incidents.listOpen().map((x) => x.id)).toEqual([i]);
    expect(store.settings.maintenanceMode()).toBe(true);
    expect(store.write(() => store.incidents.resolve(i, 'technician:T1', T0 + 5))).toBe(true);
    expect(store.incidents.listOpen()).toEqual([]);
    expect(store.incidents.countOpenedBetween(T0, T0 + 1)).toBe(1);
  });
});

describe('door operations by door and by time', () => {
  const fortyAcrossFourDoors = () =>
    store.write(() =>
      Array.from({ length: 40 }, (_, i) =>
        store.doorOperations.recordIntent({
          lockerId: (i % 4) + 1,
          purpose: 'tech_open',
          actor: 'technician:kt1',
          createdAt: T0 + i,
        }),
      ),
    );

  it("a door's history: that door's latest operations, newest first, up to the limit", () => {
    const ids = fortyAcrossFourDoors();
    const ofDoor3 = ids.filter((_, i) => i % 4 === 2).reverse();
    expect(store.doorOperations.listForLocker(3, 100).map((o) => o.id)).toEqual(ofDoor3);
    expect(store.doorOperations.listForLocker(3, 4).map((o) => o.id)).toEqual(ofDoor3.slice(0, 4));
    expect(store.doorOperations.listForLocker(3, 4).every((o) => o.lockerId === 3)).toBe(true);
    expect(store.doorOperations.listForLocker(99, 10)).toEqual([]);
  });

  it("a door's history is read on its index, without sorting or scanning other doors", () => {
    const raw = new Database(path(), { readonly: true });
    try {
      const plan = raw
        .prepare(
          'EXPLAIN QUERY PLAN SELECT * FROM door_operations WHERE locker_id = ? ORDER BY id DESC LIMIT ?',
        )
        .all(3, 10)
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
      expect(plan).toMatch(/USING (COVERING )?INDEX door_operations_locker/);
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      raw.close();
    }
  });

  it('the times of the newest operations, newest first (what the opens cap starts from)', () => {
    fortyAcrossFourDoors();
    expect(store.doorOperations.latestStarts(3)).toEqual([T0 + 39, T0 + 38, T0 + 37]);
    reopen();
    expect(store.doorOperations.latestStarts(100)).toHaveLength(40);
  });
});

describe('period figures', () => {
  it('count dossiers in, out, on time, late with apologies, and satisfaction', () => {
    const ids = [newDossier(), newDossier(), newDossier(), newDossier()];
    store.write(() => {
      store.dossiers.update(ids[0]!, { state: 'picked_up', readyAt: T0 + 1, closedAt: T0 + DAY, rating: 5 });
      store.dossiers.update(ids[1]!, {
        state: 'picked_up',
        readyAt: T0 + 1,
        closedAt: T0 + DAY,
        late: true,
        apologyAt: T0 + 2,
        rating: 3,
      });
      store.dossiers.update(ids[2]!, { state: 'reclaimed', readyAt: T0 + 1, closedAt: T0 + 40 * DAY });
    });
    expect(store.reports.periodFigures(T0, T0 + 30 * DAY)).toMatchObject({
      received: 4,
      pickedUp: 2,
      cancelled: 0,
      reclaimed: 0,
      onTime: 1,
      late: 1,
      lateWithApology: 1,
      ratings: 2,
      ratingAverage: 4,
    });
  });
});
