import type { Database } from 'better-sqlite3';

/**
 * The raw connection behind a store, for the store's own helpers (backup, purge, seeding). Kept
 * off the public Store type so nothing outside src/store builds SQL or imports better-sqlite3.
 */
const connections = new WeakMap<object, Database>();

export function bindConnection(store: object, db: Database): void {
  connections.set(store, db);
}

export function connectionOf(store: object): Database {
  const db = connections.get(store);
  if (!db) throw new Error('not a store opened by openStore()');
  return db;
}
