import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_STATES } from '../../src/domain/states';
import { openStore } from '../../src/store/database';
import { StoreError } from '../../src/store/errors';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { OPEN_DOSSIER_STATES } from '../../src/store/states';
import { tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function tableNames(path: string): string[] {
  const raw = new Database(path, { readonly: true });
  const names = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  raw.close();
  return names;
}

describe('migrations', () => {
  it('bring a new file to the current version and record it in user_version', () => {
    const path = tmp.file('ledger.db');
    const store = openStore(path);
    expect(store.migration).toEqual({
      from: 0,
      to: MIGRATIONS.length,
      applied: MIGRATIONS.map((m) => m.name),
    });
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
    expect(tableNames(path)).toEqual(
      [
        'audit_log',
        'door_operations',
        'dossier_attempts',
        'dossiers',
        'incidents',
        'kiosk_attempts',
        'lockers',
        'notification_outbox',
        'pickup_credentials',
        'procedures',
        'receipt_sequences',
        'settings',
        'staff_accounts',
      ].sort(),
    );
  });

  it('are applied once: reopening applies nothing', () => {
    const path = tmp.file('ledger.db');
    openStore(path).close();
    let runs = 0;
    const counting = MIGRATIONS.map((m) => ({
      name: m.name,
      up: (db: Database.Database) => {
        runs += 1;
        m.up(db);
      },
    }));
    const store = openStore(path, { migrations: counting });
    expect(store.migration.applied).toEqual([]);
    expect(runs).toBe(0);
    store.close();
  });

  it('apply all pending ones in one transaction: a failing migration leaves the file untouched', () => {
    const path = tmp.file('ledger.db');
    const broken = [
      ...MIGRATIONS,
      {
        name: '999-broken',
        up: (db: Database.Database) => {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('migration bug');
        },
      },
    ];
    expect(() => openStore(path, { migrations: broken })).toThrow('migration bug');
    expect(tableNames(path)).toEqual([]);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    raw.close();
  });

  it('refuse a database from a newer version, naming both versions', () => {
    const path = tmp.file('ledger.db');
    openStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 41}`);
    raw.close();
    let error: unknown;
    try {
      openStore(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('SCHEMA_TOO_NEW');
    expect((error as Error).message).toContain(`version ${MIGRATIONS.length + 41}`);
    expect((error as Error).message).toContain(`version ${MIGRATIONS.length}`);
  });

  /** A fresh store's index by name: its SQL and the states its `state IN (...)` lists. */
  const indexStates = (name: string) => {
    const path = tmp.file('ledger.db');
    openStore(path).close();
    const raw = new Database(path, { readonly: true });
    const sql = raw.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string;
    raw.close();
    const listed = /state IN \(([^)]*)\)/
      .exec(sql)?.[1]
      ?.split(',')
      .map((s) => s.trim().replaceAll("'", ''));
    return { sql, listed };
  };

  it('write the one-door index from the same live states the lifecycle names', () => {
    const { sql, listed } = indexStates('dossiers_live_locker');
    expect(listed).toEqual([...LIVE_STATES]);
    expect(sql).toMatch(/^CREATE UNIQUE INDEX/);
  });

  it('write the work-list index from the same open states the store lists through it', () => {
    const { listed } = indexStates('dossiers_open_state');
    expect(listed).toEqual([...OPEN_DOSSIER_STATES]);
  });
});
