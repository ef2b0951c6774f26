import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database';
import { StoreError } from '../../src/store/errors';
import { newReceipt, seedBasics, T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('openStore', () => {
  it('puts WAL, synchronous=FULL and foreign keys in force and reads them back', () => {
    const store = openStore(tmp.file('ledger.db'), { busyTimeoutMs: 1234 });
    expect(store.pragmas).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: true,
      busyTimeoutMs: 1234,
    });
    store.close();
    // Checked again from an independent connection: WAL is recorded in the file itself.
    const raw = new Database(tmp.file('ledger.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses to start when WAL cannot be put in force (an in-memory database stays in memory mode)', () => {
    expect(() => openStore(':memory:')).toThrow(/journal_mode is 'memory', expected 'wal'/);
    try {
      openStore(':memory:');
    } catch (e) {
      expect((e as StoreError).code).toBe('PRAGMA_NOT_IN_FORCE');
    }
  });

  it('runs quick_check at open when asked and reports it', () => {
    const store = openStore(tmp.file('ledger.db'), { quickCheck: 'startup' });
    expect(store.startupCheck?.ok).toBe(true);
    store.close();
  });

  it('runs quick_check in a worker on a read-only connection while the writer stays usable', async () => {
    const store = openStore(tmp.file('ledger.db'));
    seedBasics(store);
    const report = await store.checkInBackground('quick_check');
    expect(report).toMatchObject({ ok: true, problems: [] });
    store.close();
  });

  it('enforces foreign keys: a dossier cannot name an unknown procedure', () => {
    const store = openStore(tmp.file('ledger.db'));
    expect(() =>
      store.write(() =>
        store.dossiers.insert({
          receiptNo: newReceipt(),
          procedureCode: 'NOPE',
          origin: 'kiosk',
          state: 'reserved',
          createdAt: T0,
        }),
      ),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });
});

describe('store.write', () => {
  it('refuses an async function and rolls back what it did before its first await', async () => {
    const store = openStore(tmp.file('ledger.db'));
    seedBasics(store);
    let error: unknown;
    try {
      store.write(async () => {
        store.settings.set('probe', 1, T0);
        await Promise.resolve();
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('ASYNC_IN_TRANSACTION');
    expect(store.settings.get('probe')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    store.close();
  });

  it('is all or nothing: a throw undoes every statement of the transaction', () => {
    const store = openStore(tmp.file('ledger.db'));
    seedBasics(store);
    expect(() =>
      store.write(() => {
        store.settings.setMaintenanceMode(true, T0);
        store.audit.append({ actor: 'technician:T1', action: 'maintenance.on', at: T0 });
        throw new Error('board unreachable');
      }),
    ).toThrow('board unreachable');
    expect(store.settings.maintenanceMode()).toBe(false);
    expect(store.audit.exportHead().seq).toBe(0);
    store.close();
  });

  it('commits durably: a second connection sees the write after close', () => {
    const path = tmp.file('ledger.db');
    const store = openStore(path);
    seedBasics(store);
    store.write(() => store.settings.setMaintenanceMode(true, T0));
    store.close();
    const again = openStore(path);
    expect(again.settings.maintenanceMode()).toBe(true);
    expect(again.lockers.list()).toHaveLength(4);
    again.close();
  });
});
