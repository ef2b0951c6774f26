/**
 * Wall-clock readings in the kiosk's time zone. Built on Intl (the runtime's tz database), so
 * the domain needs no time-zone library. Vietnam has had no daylight saving since 1975, but the
 * code does not rely on that.
 */
export const KIOSK_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface LocalReading {
  date: string; // YYYY-MM-DD
  minuteOfDay: number; // 0..1439
}

/** The kiosk's wall clock to the minute, in parts (en-CA gives YYYY-MM-DD order and digits). */
export const KIOSK_CLOCK_FORMAT: Intl.DateTimeFormatOptions = {
  timeZone: KIOSK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

const formatter = new Intl.DateTimeFormat('en-CA', KIOSK_CLOCK_FORMAT);

/**
 * Intl's formatToParts costs some 15 µs and allocates a dozen objects, and the drop-off and
 * pickup transactions ask for the date several times. The reading only changes from one minute
 * to the next (the zone's offsets are whole minutes since 1906), so the last one is kept.
 */
let cachedMinute = Number.NaN;
let cachedReading: LocalReading = { date: '', minuteOfDay: 0 };
const FIRST_WHOLE_MINUTE_OFFSET_MS = Date.UTC(1906, 6, 1);

export function localReading(at: Date): LocalReading {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  const minute = Math.floor(ms / 60_000);
  if (minute === cachedMinute) return { ...cachedReading };
  const parts: Record<string, string> = {};
  for (const p of formatter.formatToParts(at)) parts[p.type] = p.value;
  const reading = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
  if (ms >= FIRST_WHOLE_MINUTE_OFFSET_MS) {
    cachedMinute = minute;
    cachedReading = reading;
  }
  return { ...reading };
}

/** The calendar date at the kiosk (YYYY-MM-DD) for an instant. */
export function localDate(at: Date): string {
  return localReading(at).date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Date arithmetic on calendar dates alone (UTC midnight stands for the date; no zone involved). */
export function addDays(isoDate: string, days: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday, for a calendar date. */
export function weekday(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}
