import type { Database } from 'better-sqlite3';

/**
 * The month's report grew: the share of each procedure among the dossiers in, and for the
 * dossiers closed, how long their dossier and result stayed in a door (deposited -> collected by
 * staff, result loaded -> closed) and the days to pickup.
 *
 * - dossiers_procedure_created: a procedure's dossiers of the month are one range of it, counted
 *   without reading the others' or sorting the month's rows by procedure.
 * - dossiers_closed_report now carries deposited_at and collected_at too, so the closed dossiers'
 *   figures are still read from the index alone. It keeps its name, columns in the same order
 *   first and its WHERE, so it serves every query it served.
 *
 * This file is frozen once shipped: later changes go in a new migration.
 */
export function up(db: Database): void {
  db.exec(`
CREATE INDEX dossiers_procedure_created ON dossiers(procedure_code, created_at);
DROP INDEX dossiers_closed_report;
CREATE INDEX dossiers_closed_report ON dossiers(closed_at, state, late, ready_at, apology_at, rating, deposited_at, collected_at)
  WHERE closed_at IS NOT NULL;
`);
}
