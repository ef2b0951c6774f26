// @ts-check
/** Dates and times as people in Vietnam write them, in the kiosk's time zone. */

const TZ = 'Asia/Ho_Chi_Minh';

/**
 * Local date and time in the kiosk's time zone, e.g. "21/11/2026 13:05".
 * @param {number | null | undefined} ms
 */
export function dateTime(ms) {
  if (ms === null || ms === undefined) return '—';
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(ms));
}

/**
 * An ISO date (YYYY-MM-DD) as DD/MM/YYYY: 2026-11-24 -> 24/11/2026.
 * @param {string | null | undefined} iso
 */
export function dayOf(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The kiosk's local month, YYYY-MM. */
export function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );
  return parts.slice(0, 7);
}
