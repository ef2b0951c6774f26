import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';
import { MIGRATIONS, type Migration } from './migrations/index';

export type MigrationResult = {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
};

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in ONE immediate transaction: either the database reaches the
 * version this code knows, or nothing changes. A database written by newer code is refused rather
 * than guessed at.
 */
export function runMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const target = migrations.length;
  const apply = db.transaction((): MigrationResult => {
    const from = schemaVersion(db);
    if (from > target) {
      throw new StoreError(
        'SCHEMA_TOO_NEW',
        `database schema version ${from} is newer than this program's version ${target}; ` +
          'refusing to open it (install the newer program or restore a matching backup)',
      );
    }
    const pending = migrations.slice(from);
    for (const migration of pending) migration.up(db);
    // user_version cannot take a bound parameter; target is an integer we computed.
    if (pending.length > 0) db.pragma(`user_version = ${target}`);
    return { from, to: target, applied: pending.map((m) => m.name) };
  });
  return apply.immediate();
}
