import type { Database, Statement } from 'better-sqlite3';

const DAY_MS = 86_400_000;

/** One 24-hour slice of a period (a local day when the period starts at local midnight). */
export type DayFigures = {
  /** Start of the slice: from + n days, epoch milliseconds. */
  readonly dayStart: number;
  /** Dossiers created in the slice. */
  readonly received: number;
  /** Dossiers picked up (closed as picked_up) in the slice. */
  readonly pickedUp: number;
};

/** Dossiers of one procedure created in the period. */
export type ProcedureFigures = {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly received: number;
};

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
  /** Of the dossiers picked up in the period: mean days from the result closed in its door to the pickup. */
  readonly avgDaysReadyToPickup: number | null;
  /** Of the kiosk drop-offs picked up in the period: mean days from the drop-off to the pickup. */
  readonly avgDaysDropOffToPickup: number | null;
  /**
   * Door-time held by the dossiers closed in the period, in milliseconds: each one's dossier in
   * its door (deposited -> collected by staff) plus its result (loaded -> picked up or reclaimed).
   * A stay counts whole in the period its dossier closed in.
   */
  readonly doorTimeHeldMs: number;
  /** Days with something in or out, in time order (days with nothing are left out). */
  readonly days: readonly DayFigures[];
  /** Procedures with at least one dossier in, most dossiers first. */
  readonly procedures: readonly ProcedureFigures[];
};

export type ReportRepo = { periodFigures(from: number, to: number): PeriodFigures };

type Closed = {
  pickedUp: number;
  cancelled: number;
  reclaimed: number;
  onTime: number;
  late: number;
  lateWithApology: number;
  ratings: number;
  ratingAverage: number | null;
  readyToPickupMs: number | null;
  readyToPickupN: number;
  dropOffToPickupMs: number | null;
  dropOffToPickupN: number;
  heldMs: number;
};

export function createReportRepo(db: Database): ReportRepo {
  // Every read walks one index range (migrations 002, 003) and none sorts the period's rows
  // except by day, on the index's one column: on a million-dossier ledger a month is a few
  // passes over its own index entries. A day is a whole 24 h slice since `from`.
  // Per procedure through dossiers_procedure_created: a drop-off writes one created_at index, not
  // two (migration 005), and the month is still one range per procedure.
  const receivedByDay: Statement<[number, number, number], { day: number; n: number }> = db.prepare(`
    SELECT (created_at - CAST(? AS INTEGER)) / ${DAY_MS} AS day, count(*) AS n
    FROM dossiers WHERE procedure_code IN (SELECT code FROM procedures) AND created_at >= ? AND created_at < ?
    GROUP BY day`);
  const receivedOf: Statement<[string, number, number], { n: number }> = db.prepare(
    'SELECT count(*) AS n FROM dossiers WHERE procedure_code = ? AND created_at >= ? AND created_at < ?',
  );
  const pickedUpByDay: Statement<[number, number, number], { day: number; n: number }> = db.prepare(`
    SELECT (closed_at - CAST(? AS INTEGER)) / ${DAY_MS} AS day, count(*) AS n
    FROM dossiers WHERE closed_at >= ? AND closed_at < ? AND state = 'picked_up'
    GROUP BY day`);
  // Aggregates skip NULLs: a difference with a missing time (no drop-off, never collected by
  // staff, no result) counts nowhere.
  const closed: Statement<[number, number], Closed> = db.prepare(`
    SELECT
      count(*) FILTER (WHERE state = 'picked_up') AS pickedUp,
      count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
      count(*) FILTER (WHERE state = 'reclaimed') AS reclaimed,
      count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 0) AS onTime,
      count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 1) AS late,
      count(*) FILTER (WHERE late = 1 AND apology_at IS NOT NULL) AS lateWithApology,
      count(rating) AS ratings,
      avg(rating) AS ratingAverage,
      -- A pickup closes the dossier: its closed_at is the moment of the pickup.
      sum(closed_at - ready_at) FILTER (WHERE state = 'picked_up') AS readyToPickupMs,
      count(ready_at) FILTER (WHERE state = 'picked_up') AS readyToPickupN,
      sum(closed_at - deposited_at) FILTER (WHERE state = 'picked_up') AS dropOffToPickupMs,
      count(deposited_at) FILTER (WHERE state = 'picked_up') AS dropOffToPickupN,
      total(collected_at - deposited_at) + total(closed_at - ready_at) AS heldMs
    FROM dossiers WHERE closed_at >= ? AND closed_at < ?`);
  const procedureNames: Statement<[], { code: string; nameVi: string; nameEn: string }> = db.prepare(
    'SELECT code, name_vi AS nameVi, name_en AS nameEn FROM procedures',
  );

  return {
    periodFigures(from, to) {
      const days = new Map<number, { received: number; pickedUp: number }>();
      const day = (n: number) => {
        const known = days.get(n);
        if (known) return known;
        const d = { received: 0, pickedUp: 0 };
        days.set(n, d);
        return d;
      };
      let received = 0;
      for (const r of receivedByDay.iterate(from, from, to)) {
        received += r.n;
        day(r.day).received = r.n;
      }
      for (const r of pickedUpByDay.iterate(from, from, to)) day(r.day).pickedUp = r.n;
      // Every dossier names a procedure of the table (a foreign key), inactive ones included.
      const procedures = procedureNames
        .all()
        .map((p) => ({ ...p, received: received === 0 ? 0 : receivedOf.get(p.code, from, to)!.n }))
        .filter((p) => p.received > 0)
        .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));
      const c = closed.get(from, to)!;
      const mean = (ms: number | null, n: number) => (n === 0 || ms === null ? null : ms / n / DAY_MS);
      return {
        received,
        pickedUp: c.pickedUp,
        cancelled: c.cancelled,
        reclaimed: c.reclaimed,
        onTime: c.onTime,
        late: c.late,
        lateWithApology: c.lateWithApology,
        ratings: c.ratings,
        ratingAverage: c.ratingAverage,
        avgDaysReadyToPickup: mean(c.readyToPickupMs, c.readyToPickupN),
        avgDaysDropOffToPickup: mean(c.dropOffToPickupMs, c.dropOffToPickupN),
        doorTimeHeldMs: c.heldMs,
        days: [...days.entries()]
          .sort(([a], [b]) => a - b)
          .map(([n, d]) => ({ dayStart: from + n * DAY_MS, ...d })),
        procedures,
      };
    },
  };
}
