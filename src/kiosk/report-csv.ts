import type { Figures } from './report-figures';

const FIGURE_COLUMNS = [
  'from',
  'to',
  'received',
  'pickedUp',
  'cancelled',
  'reclaimed',
  'onTime',
  'late',
  'lateWithApology',
  'onTimeRate',
  'ratings',
  'ratingAverage',
  'incidents',
  'avgDaysReadyToPickup',
  'avgDaysDropOffToPickup',
  'doors',
  'doorOccupancy',
] as const;

/** A CSV field: quoted when it holds a comma, a quote or a line break (procedure names may). */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly (string | number | null)[]) => `${fields.map(csvField).join(',')}\r\n`;

/**
 * A month's report as CSV: a header and a figures row, then after a blank line the days (date,
 * received, pickedUp), then after another the procedures (code, names, received, share).
 */
export function figuresCsv(f: Figures): string {
  return [
    csvLine(FIGURE_COLUMNS),
    csvLine(FIGURE_COLUMNS.map((c) => f[c])),
    '\r\n',
    csvLine(['date', 'received', 'pickedUp']),
    ...f.days.map((d) => csvLine([d.date, d.received, d.pickedUp])),
    '\r\n',
    csvLine(['procedure', 'nameVi', 'nameEn', 'received', 'share']),
    ...f.procedures.map((p) => csvLine([p.code, p.nameVi, p.nameEn, p.received, p.share])),
  ].join('');
}
