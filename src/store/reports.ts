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

type ClosedDay = {
  day: number;
  pickedUp: number;
  cancelled: number;
  reclaimed: number;
  onTime: number;
  late: number;
  lateWithApology: number;
  ratings: number;
  ratingSum: number | null;
  readyToPickupMs: number | null;
  readyToPickupN: number;
  dropOffToPickupMs: number | null;
  dropOffToPickupN: number;
  heldMs: number | null;
};

export function createReportRepo(db: Database): ReportRepo {
  // Both reads walk one index each (dossiers_created_report, dossiers_closed_report: migration
  // 003) and return at most a row per day and procedure, so a month costs one pass over its
  // dossiers whatever the size of the ledger. The day is the whole 24 h slices since `from`.
  const receivedByDay: Statement<[number, number, number], { day: number; code: string; n: number }> =
    db.prepare(`
    SELECT (created_at - CAST(? AS INTEGER)) / ${DAY_MS} AS day, procedure_code AS code, count(*) AS n
    FROM dossiers WHERE created_at >= ? AND created_at < ?
    GROUP BY day, code`);
  const closedByDay: Statement<[number, number, number], ClosedDay> = db.prepare(`
    SELECT
      (closed_at - CAST(? AS INTEGER)) / ${DAY_MS} AS day,
      count(*) FILTER (WHERE state = 'picked_up') AS pickedUp,
      count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
      count(*) FILTER (WHERE state = 'reclaimed') AS reclaimed,
      count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 0) AS onTime,
      count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 1) AS late,
      count(*) FILTER (WHERE late = 1 AND apology_at IS NOT NULL) AS lateWithApology,
      count(rating) AS ratings,
      sum(rating) AS ratingSum,
      -- A pickup closes the dossier: its closed_at is the moment of the pickup.
      sum(closed_at - ready_at) FILTER (WHERE state = 'picked_up' AND ready_at IS NOT NULL) AS readyToPickupMs,
      count(*) FILTER (WHERE state = 'picked_up' AND ready_at IS NOT NULL) AS readyToPickupN,
      sum(closed_at - deposited_at) FILTER (WHERE state = 'picked_up' AND deposited_at IS NOT NULL) AS dropOffToPickupMs,
      count(*) FILTER (WHERE state = 'picked_up' AND deposited_at IS NOT NULL) AS dropOffToPickupN,
      total(CASE WHEN deposited_at IS NOT NULL AND collected_at IS NOT NULL THEN collected_at - deposited_at ELSE 0 END)
        + total(CASE WHEN ready_at IS NOT NULL THEN closed_at - ready_at ELSE 0 END) AS heldMs
    FROM dossiers WHERE closed_at >= ? AND closed_at < ?
    GROUP BY day`);
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
      const perProcedure = new Map<string, number>();
      let received = 0;
      for (const r of receivedByDay.iterate(from, from, to)) {
        received += r.n;
        day(r.day).received += r.n;
        perProcedure.set(r.code, (perProcedure.get(r.code) ?? 0) + r.n);
      }
      const sum = {
        pickedUp: 0,
        cancelled: 0,
        reclaimed: 0,
        onTime: 0,
        late: 0,
        lateWithApology: 0,
        ratings: 0,
        ratingSum: 0,
        readyToPickupMs: 0,
        readyToPickupN: 0,
        dropOffToPickupMs: 0,
        dropOffToPickupN: 0,
        heldMs: 0,
      };
      for (const r of closedByDay.iterate(from, from, to)) {
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r[k] ?? 0;
        if (r.pickedUp > 0) day(r.day).pickedUp += r.pickedUp;
      }
      const names = new Map(procedureNames.all().map((p) => [p.code, p]));
      const mean = (ms: number, n: number) => (n === 0 ? null : ms / n / DAY_MS);
      return {
        received,
        pickedUp: sum.pickedUp,
        cancelled: sum.cancelled,
        reclaimed: sum.reclaimed,
        onTime: sum.onTime,
        late: sum.late,
        lateWithApology: sum.lateWithApology,
        ratings: sum.ratings,
        ratingAverage: sum.ratings === 0 ? null : sum.ratingSum / sum.ratings,
        avgDaysReadyToPickup: mean(sum.readyToPickupMs, sum.readyToPickupN),
        avgDaysDropOffToPickup: mean(sum.dropOffToPickupMs, sum.dropOffToPickupN),
        doorTimeHeldMs: sum.heldMs,
        days: [...days.entries()]
          .sort(([a], [b]) => a - b)
          .map(([n, d]) => ({ dayStart: from + n * DAY_MS, ...d })),
        procedures: [...perProcedure.entries()]
          .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
          .map(([code, n]) => ({
            code,
            nameVi: names.get(code)?.nameVi ?? code,
            nameEn: names.get(code)?.nameEn ?? code,
            received: n,
          })),
      };
    },
  };
}
