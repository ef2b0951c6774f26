/** The file's units (local clock times, hours, minutes, seconds) into the layers' (minutes of the day, ms). */

/** "17:30" -> 1050, minutes after local midnight; "24:00" -> 1440. The schema checked the form. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
