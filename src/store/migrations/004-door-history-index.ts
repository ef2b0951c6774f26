import type { Database } from 'better-sqlite3';

/**
 * A door's history (the technician console) reads its latest operations: an index on
 * (locker_id, id) finds them newest first in a few page reads, however long the kiosk has run,
 * where the audit log had to be walked back through the whole kiosk's recent traffic.
 *
 * This file is frozen once shipped: later changes go in a new migration.
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX door_operations_locker ON door_operations(locker_id, id);');
}
