import type { Database } from 'better-sqlite3';

/**
 * Work lists read the dossiers still open, by state, in id order: to collect (deposited), at the
 * counter (loading by one-stop-software code), ready (reclaim, reminders), to inspect, the late
 * list. dossiers_live_state could not serve them: SQLite uses a partial index only for a query
 * that repeats its WHERE term, so `state = ?` walked the whole table (110 ms a list at
 * 1,000,000 dossiers), and at_counter was not in it at all.
 *
 * - dossiers_open_state: every state a dossier can still leave (all but the final ones), in
 *   (state, id) order. A list repeats this IN list (store/states.ts OPEN_STATES_SQL) and reads
 *   only its own rows, however long the history. It replaces dossiers_live_state.
 * - incidents_opened: the month report counts the incidents opened in the month; without it that
 *   count read every incident the kiosk ever had.
 * - door_operations_dossier is dropped: no query of the daemon reads a dossier's operations,
 *   and it cost a page write with every door operation recorded.
 * - door_operations_unsettled is dropped: a door's unsettled operation is always its newest (an
 *   intent is refused on a door whose operation is not settled), found through
 *   door_operations_locker; it cost a page write in both commits of every door operation.
 * - dossiers_created is dropped: the month's dossiers in, by day, are read per procedure through
 *   dossiers_procedure_created (a few procedures, each one range), and every drop-off wrote both.
 *
 * This file is frozen once shipped: later changes go in a new migration.
 */
export function up(db: Database): void {
  db.exec(`
CREATE INDEX dossiers_open_state ON dossiers(state)
  WHERE state IN ('reserved','deposited','collecting','at_counter','loading','ready','pickup_open','reclaiming','needs_inspection');
DROP INDEX dossiers_live_state;
CREATE INDEX incidents_opened ON incidents(opened_at);
DROP INDEX door_operations_dossier;
DROP INDEX door_operations_unsettled;
DROP INDEX dossiers_created;
`);
}
