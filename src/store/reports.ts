import type { Database, Statement } from 'better-sqlite3';

/** A period's figures for the supervisor. Periods are [from, to) in epoch milliseconds. */
export type PeriodFigures = {
  /** Dossiers that entered the ledger (created) in the period. */
  readonly received: number;
  /** Dossiers closed in the period, by how they ended. */
  readonly pickedUp: number;
  readonly cancelled: number;
  readonly reclaimed: number;
  /** Of the dossiers closed in the period that had a result: on time, late, and late with an apology. */
  readonly onTime: number;
  readonly late: number;
  readonly lateWithApology: number;
  readonly ratings: number;
  readonly ratingAverage: number | null;
};

export type ReportRepo = { periodFigures(from: number, to: number): PeriodFigures };

export function createReportRepo(db: Database): ReportRepo {
  const received: Statement<[number, number], { n: number }> = db.prepare(
    'SELECT count(*) AS n FROM dossiers WHERE created_at >= ? AND created_at < ?',
  );
  const closed: Statement<[number, number], Omit<PeriodFigures, 'received'>> = db.prepare(`
    SELECT
      count(*) FILTER (WHERE state = 'picked_up') AS pickedUp,
      count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
      count(*) FILTER (WHERE state = 'reclaimed') AS reclaimed,
      count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 0) AS onTime,
      count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 1) AS late,
      count(*) FILTER (WHERE late = 1 AND apology_at IS NOT NULL) AS lateWithApology,
      count(rating) AS ratings,
      avg(rating) AS ratingAverage
    FROM dossiers WHERE closed_at >= ? AND closed_at < ?`);
  return {
    periodFigures(from, to) {
      return { received: received.get(from, to)!.n, ...closed.get(from, to)! };
    },
  };
}
