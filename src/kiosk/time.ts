import { KIOSK_TIME_ZONE } from '../domain/local-time';

/** The kiosk's local time zone has no daylight saving: a fixed offset. */
const OFFSET = '+07:00';

/** Local midnight of a YYYY-MM-DD day, in epoch milliseconds. */
export function localMidnight(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00${OFFSET}`);
}

/** "21/11/2026 13:05" in the kiosk's time zone, as receipts print it. */
export function localStamp(at: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: KIOSK_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** [from, to) of a YYYY-MM month in the kiosk's time zone. */
export function monthRange(month: string): { from: number; to: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: localMidnight(`${month}-01`), to: localMidnight(`${next}-01`) };
}
