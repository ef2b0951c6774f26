import { addDays, isIsoDate, localReading, weekday } from './local-time';

/**
 * Appointment dates in working days, at the kiosk (Asia/Ho_Chi_Minh).
 *
 * The receiving rule: a dossier deposited on a working day before the counter closes is received
 * that day; one deposited after closing time, or on a weekend or holiday, is received on the next
 * working day, because that is the first day staff can collect it. The appointment is the
 * receiving day plus N working days (a Monday-morning deposit with N = 3 is due Thursday; the
 * same deposit at 20:00 is due Friday). A dossier is late once its appointment day has ended.
 */
export interface CalendarPolicy {
  /** Public holidays (Tết, 30/4, 1/5, 2/9, ...) as YYYY-MM-DD; they vary by year. */
  holidays: readonly string[];
  /** Minute of the local day at which the counter stops receiving (17:00 = 1020). */
  receivingClosesAt: number;
}

export class CalendarPolicyError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarPolicyError';
  }
}

/** Validates a policy from configuration, naming the bad field. */
export function checkCalendarPolicy(policy: CalendarPolicy): CalendarPolicy {
  policy.holidays.forEach((h, i) => {
    if (!isIsoDate(h)) throw new CalendarPolicyError(`holidays[${i}]`, `not a YYYY-MM-DD date: ${h}`);
  });
  const m = policy.receivingClosesAt;
  if (!Number.isInteger(m) || m < 0 || m > 1440) {
    throw new CalendarPolicyError('receivingClosesAt', 'must be a minute of the day, 0..1440');
  }
  return policy;
}

export function isWorkingDay(isoDate: string, policy: CalendarPolicy): boolean {
  const wd = weekday(isoDate);
  return wd !== 0 && wd !== 6 && !policy.holidays.includes(isoDate);
}

/** The first working day strictly after the given date. */
export function nextWorkingDay(isoDate: string, policy: CalendarPolicy): string {
  let d = addDays(isoDate, 1);
  // A year has at most a few weeks of holidays: bound the walk so a bad list cannot hang us.
  for (let i = 0; i < 366 && !isWorkingDay(d, policy); i++) d = addDays(d, 1);
  if (!isWorkingDay(d, policy)) throw new CalendarPolicyError('holidays', 'no working day within a year');
  return d;
}

export function addWorkingDays(isoDate: string, n: number, policy: CalendarPolicy): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a whole number >= 0');
  let d = isoDate;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, policy);
  return d;
}

/** The working day on which a deposit made at `at` counts as received. */
export function receivingDay(at: Date, policy: CalendarPolicy): string {
  const { date, minuteOfDay } = localReading(at);
  if (isWorkingDay(date, policy) && minuteOfDay < policy.receivingClosesAt) return date;
  return nextWorkingDay(date, policy);
}

/** The appointment date (YYYY-MM-DD) for a dossier deposited at `at`, due after N working days. */
export function appointmentDate(at: Date, workingDays: number, policy: CalendarPolicy): string {
  return addWorkingDays(receivingDay(at, policy), workingDays, policy);
}

/** Late once the appointment day has ended at the kiosk. */
export function isLate(appointment: string, at: Date): boolean {
  if (!isIsoDate(appointment)) throw new RangeError(`not an ISO date: ${appointment}`);
  return localReading(at).date > appointment;
}

/**
 * Working days in (from, to]: 0 when `to` is not after `from`. For days late, pass the
 * appointment and the date the result was ready.
 */
export function workingDaysBetween(from: string, to: string, policy: CalendarPolicy): number {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError('dates must be YYYY-MM-DD');
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d, policy)) count++;
  }
  return count;
}

/** Working days late for a result that became ready at `readyAt` (0 if on time). */
export function workingDaysLate(appointment: string, readyAt: Date, policy: CalendarPolicy): number {
  return workingDaysBetween(appointment, localReading(readyAt).date, policy);
}
