import { DEFAULT_LOCKOUT_POLICY } from '../domain/lockout';
import { DEFAULT_RETENTION } from '../domain/retention';

/**
 * Every default of the configuration file, in the file's own units (minutes, seconds, hours,
 * days, as a person writes them), so a value left out reads here exactly as it would be written.
 * The resolve step turns these into each layer's units; no layer keeps a default of its own for
 * a value this file sets. Rules of the domain (lockout, retention) keep theirs in src/domain.
 */
export const DEFAULTS = {
  http: {
    host: '127.0.0.1',
    port: 8080,
    sessionMinutes: 480,
    loginLockout: { maxFailures: 5, lockMinutes: 15 },
    requestsPerMinute: 120,
    attemptsPerMinute: 10,
    presenceCode: { digits: 6, rotateSeconds: 60 },
  },
  /** Door opens per minute, for the whole kiosk and for each bus's link. */
  opensPerMinute: 30,
  lockout: {
    maxConsecutiveFailures: DEFAULT_LOCKOUT_POLICY.maxConsecutiveFailures,
    kioskFailuresPerHour: DEFAULT_LOCKOUT_POLICY.kioskFailuresPerHour,
  },
  retention: DEFAULT_RETENTION,
  reminders: { afterDays: [3, 7], sendAt: '09:00' },
  store: { integrityCheckEveryHours: 24 },
  /** The board profile of a bus that names none: the safe default of each board family. */
  bus: { profile: { kerong: 'cu16', '8a': '8a80', modbus: 'waveshare-8ch' } },
  printer: { vietnameseText: 'code_page', baud: 19200, columns: 48 },
  scanner: { baud: 9600 },
  logging: { level: 'info' },
} as const;
