import type { CalendarPolicy } from '../domain/calendar';
import type { LockoutPolicy } from '../domain/lockout';
import type { Config, NotificationsConfig } from './config';
import { DEFAULTS } from './defaults';
import { MINUTE_MS, SECOND_MS } from './units';

/**
 * Each layer's settings, worked out from the checked configuration in the layer's own units.
 * The types are this module's: a layer whose own settings type has the same shape takes them as
 * they are, and src/config imports no layer above the domain to build them.
 */

/** What the HTTP application runs with (src/http's HttpConfig has this shape). */
export interface HttpSettings {
  readonly host: string;
  readonly port: number;
  readonly officeHost: string | null;
  readonly kioskName: string;
  readonly sessionTtlMs: number;
  readonly loginMaxFailures: number;
  readonly loginLockMs: number;
  /** Door opens per minute for the whole kiosk, every path included. */
  readonly opensPerMinute: number;
  readonly presenceCodeDigits: number;
  readonly presenceCodeRotateMs: number;
  readonly requestsPerMinute: number;
  readonly attemptsPerMinute: number;
}

/** The HTTP layer's settings, from the kiosk's configuration. */
export function httpSettings(config: Config): HttpSettings {
  const { http } = config;
  return {
    host: http.host,
    port: http.port,
    officeHost: http.officeHost,
    kioskName: config.kiosk.name.vi,
    sessionTtlMs: http.sessionMinutes * MINUTE_MS,
    loginMaxFailures: http.loginLockout.maxFailures,
    loginLockMs: http.loginLockout.lockMinutes * MINUTE_MS,
    opensPerMinute: config.opensPerMinute,
    presenceCodeDigits: http.presenceCode.digits,
    presenceCodeRotateMs: http.presenceCode.rotateSeconds * SECOND_MS,
    requestsPerMinute: http.requestsPerMinute,
    attemptsPerMinute: http.attemptsPerMinute,
  };
}

/**
 * The HTTP settings of a file that sets none of them, for a caller with no configuration file
 * (tests). The kiosk name is required in a file; this one is only a placeholder.
 */
export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  host: DEFAULTS.http.host,
  port: DEFAULTS.http.port,
  officeHost: null,
  kioskName: 'Bộ phận một cửa',
  sessionTtlMs: DEFAULTS.http.sessionMinutes * MINUTE_MS,
  loginMaxFailures: DEFAULTS.http.loginLockout.maxFailures,
  loginLockMs: DEFAULTS.http.loginLockout.lockMinutes * MINUTE_MS,
  opensPerMinute: DEFAULTS.opensPerMinute,
  presenceCodeDigits: DEFAULTS.http.presenceCode.digits,
  presenceCodeRotateMs: DEFAULTS.http.presenceCode.rotateSeconds * SECOND_MS,
  requestsPerMinute: DEFAULTS.http.requestsPerMinute,
  attemptsPerMinute: DEFAULTS.http.attemptsPerMinute,
};

/** What the ledger takes from the file (createLedger's fields of the same names). */
export interface LedgerSettings {
  readonly kioskCode: string;
  readonly calendar: CalendarPolicy;
  readonly lockoutPolicy: LockoutPolicy;
  readonly reclaimAfterDays: number;
  readonly retentionDays: number;
}

export function ledgerSettings(config: Config): LedgerSettings {
  return {
    kioskCode: config.kiosk.code,
    calendar: config.calendar,
    lockoutPolicy: config.lockout,
    reclaimAfterDays: config.retention.reclaimAfterDays,
    retentionDays: config.retention.retentionDays,
  };
}

/** What the notifier takes from the file: where notices go, and what the texts say. */
export interface NotifySettings {
  readonly provider: NotificationsConfig;
  /** The kiosk name texts carry, already checked against the texts' rule at load. */
  readonly kioskName: string;
  /** The last pickup day a text names is this many days after the result was ready. */
  readonly reclaimAfterDays: number;
}

export function notifySettings(config: Config): NotifySettings {
  return {
    provider: config.notifications,
    kioskName: config.kiosk.smsName,
    reclaimAfterDays: config.retention.reclaimAfterDays,
  };
}
