import type { Database, Statement } from 'better-sqlite3';

/** Hardware and security incidents (a door found open, a jam, a lockout storm) for technicians. */
export type Incident = {
  readonly id: number;
  readonly lockerId: number | null;
  readonly kind: string;
  readonly detail: string | null;
  readonly openedAt: number;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
};

export type NewIncident = Pick<Incident, 'kind' | 'openedAt'> & {
  readonly lockerId?: number | null;
  readonly detail?: string | null;
};

export type IncidentRepo = {
  open(incident: NewIncident): number;
  resolve(id: number, resolvedBy: string, at: number): boolean;
  get(id: number): Incident | undefined;
  listOpen(): Incident[];
  /** Incidents opened in [from, to), for the monthly report. */
  countOpenedBetween(from: number, to: number): number;
};

const COLUMNS =
  'id, locker_id AS lockerId, kind, detail, opened_at AS openedAt, resolved_at AS resolvedAt, resolved_by AS resolvedBy';

export function createIncidentRepo(db: Database): IncidentRepo {
  const insert = db.prepare('INSERT INTO incidents (locker_id, kind, detail, opened_at) VALUES (?, ?, ?, ?)');
  const resolve = db.prepare(
    'UPDATE incidents SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL',
  );
  const get: Statement<[number], Incident> = db.prepare(`SELECT ${COLUMNS} FROM incidents WHERE id = ?`);
  const open: Statement<[], Incident> = db.prepare(
    `SELECT ${COLUMNS} FROM incidents WHERE resolved_at IS NULL ORDER BY opened_at`,
  );
  const between: Statement<[number, number], { n: number }> = db.prepare(
    'SELECT count(*) AS n FROM incidents WHERE opened_at >= ? AND opened_at < ?',
  );
  return {
    open: (i) => Number(insert.run(i.lockerId ?? null, i.kind, i.detail ?? null, i.openedAt).lastInsertRowid),
    resolve: (id, by, at) => resolve.run(at, by, id).changes === 1,
    get: (id) => get.get(id),
    listOpen: () => open.all(),
    countOpenedBetween: (from, to) => between.get(from, to)!.n,
  };
}
