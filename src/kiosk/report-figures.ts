import { localDate } from '../domain/local-time';
import type { KioskContext } from './context';
import { figuresCsv } from './report-csv';
import { localMidnight, monthRange } from './time';

const DAY_MS = 86_400_000;

/** The figures of [from, to), labelled with the period's first and last local dates. */
function periodFigures(
  { store, clock }: Pick<KioskContext, 'store' | 'clock'>,
  from: number,
  to: number,
  label: { from: string; to: string },
) {
  const { doorTimeHeldMs, days, procedures, ...f } = store.read(() => ({
    ...store.reports.periodFigures(from, to),
    incidents: store.incidents.countOpenedBetween(from, to),
    doors: store.lockers.list().length,
  }));
  const judged = f.onTime + f.late;
  // The period so far: a month still running is measured against the days gone, not the whole month.
  const elapsed = Math.min(to, clock()) - from;
  const byStart = new Map(days.map((d) => [d.dayStart, d]));
  const series = [];
  for (let at = from; at < to; at += DAY_MS) {
    const d = byStart.get(at);
    series.push({ date: localDate(new Date(at)), received: d?.received ?? 0, pickedUp: d?.pickedUp ?? 0 });
  }
  return {
    ...label,
    ...f,
    onTimeRate: judged === 0 ? null : f.onTime / judged,
    doorOccupancy: f.doors === 0 || elapsed <= 0 ? null : doorTimeHeldMs / (f.doors * elapsed),
    days: series,
    procedures: procedures.map((p) => ({ ...p, share: p.received / f.received })),
  };
}

export type Figures = ReturnType<typeof periodFigures>;
export type ReportFigures = ReturnType<typeof reportFigures>;

/**
 * The period figures for staff and supervisors: received, picked up, on time, ratings, doors
 * held, with a day series and the share of each procedure.
 */
export function reportFigures(ctx: Pick<KioskContext, 'store' | 'clock'>) {
  const { clock } = ctx;
  const figures = (from: number, to: number, label: { from: string; to: string }) =>
    periodFigures(ctx, from, to, label);

  const month = (m: string) => {
    const { from, to } = monthRange(m);
    return figures(from, to, { from: `${m}-01`, to: localDate(new Date(to - 1)) });
  };

  return {
    /** Today so far, in the kiosk's time zone. */
    today() {
      const today = localDate(new Date(clock()));
      const from = localMidnight(today);
      return figures(from, from + DAY_MS, { from: today, to: today });
    },
    /** A YYYY-MM month, in the kiosk's time zone. */
    month,
    /** The same month as CSV, for a spreadsheet. */
    monthCsv: (m: string) => figuresCsv(month(m)),
  };
}
