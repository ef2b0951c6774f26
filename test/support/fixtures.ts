import type { LinkOptions } from '../../firmware-bridge';
import type { CalendarPolicy } from '../../src/domain/calendar';

/**
 * The fixtures the ledger, HTTP, daemon and driver tests share, defined once: a kiosk key, a
 * calendar, a start time, a bank of doors, and link timeouts for in-process boards.
 */

/** A kiosk key of the minimum length (32 bytes). */
export const KIOSK_KEY = Buffer.alloc(32, 7);

/** No holidays; receiving closes at 17:00 local time. */
export const CALENDAR: CalendarPolicy = { holidays: [], receivingClosesAt: 17 * 60 };

/** Monday 2026-11-23 09:00 in Ho Chi Minh City (UTC+7). */
export const MONDAY_9AM = Date.parse('2026-11-23T02:00:00Z');

/** Doors 1-3 small, 4-5 medium, 6 large (ids equal positions; board 0, channel id-1). */
export const LOCKERS = [
  { id: 1, size: 'S' },
  { id: 2, size: 'S' },
  { id: 3, size: 'S' },
  { id: 4, size: 'M' },
  { id: 5, size: 'M' },
  { id: 6, size: 'L' },
] as const;

/**
 * Short timeouts for in-process boards that answer at once (the simulator replies within a
 * millisecond), and an opens cap no test reaches.
 */
export const FAST: Partial<LinkOptions> = {
  replyTimeoutMs: 40,
  helloTimeoutMs: 60,
  jamWindowMs: 150,
  watchPollMs: 10,
  heartbeatIntervalMs: 60,
  pollIntervalMs: 20,
  backoffInitialMs: 10,
  backoffMaxMs: 40,
  maxOpensPerMinute: 10_000,
};

/**
 * FAST, but patient for replies: a board answers at once, so generous timeouts only matter on a
 * loaded machine (a 40 ms reply timeout lost replies at a load average of 21 on two cores), and
 * cost nothing when all is well.
 */
export const FAST_PATIENT: Partial<LinkOptions> = {
  ...FAST,
  replyTimeoutMs: 1000,
  helloTimeoutMs: 1000,
  jamWindowMs: 3000,
};
