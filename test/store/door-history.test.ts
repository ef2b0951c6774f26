import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { seedBasics, T0, tempDir } from './fixtures';

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

describe("a door's history", () => {
  it("lists that door's latest operations, newest first, up to the limit", () => {
    const ids = store.write(() =>
      Array.from({ length: 40 }, (_, i) =>
        store.doorOperations.recordIntent({
          lockerId: (i % 4) + 1,
          purpose: 'tech_open',
          actor: 'technician:kt1',
          createdAt: T0 + i,
        }),
      ),
    );
    const ofDoor3 = ids.filter((_, i) => i % 4 === 2).reverse();
    expect(store.doorOperations.listForLocker(3, 100).map((o) => o.id)).toEqual(ofDoor3);
    expect(store.doorOperations.listForLocker(3, 4).map((o) => o.id)).toEqual(ofDoor3.slice(0, 4));
    expect(store.doorOperations.listForLocker(3, 4).every((o) => o.lockerId === 3)).toBe(true);
    expect(store.doorOperations.listForLocker(99, 10)).toEqual([]);
  });

  it('is read on its index, newest first, without sorting or scanning other doors', () => {
    const raw = new Database(tmp.file('ledger.db'), { readonly: true });
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
});
