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

/**
 * What the HTTP application and the kiosk services run with (src/kiosk's HttpConfig is this
 * type): the HTTP shell reads the addresses and the request limits, the services the rest.
 */
export interface HttpSettings {
  /** Where the kiosk screen connects; default 127.0.0.1. Anything else exposes the citizen API. */
  readonly host: string;
  /** TCP port for every bound host (0 = any free port, for tests). */
  readonly port: number;
  /**
   * An address on the office LAN for staff and technicians (e.g. 10.0.0.5), or null. When set,
   * the server also binds it, and citizen endpoints answer only to loopback clients.
   */
  readonly officeHost: string | null;
  /** Printed on receipts, e.g. "UBND Quận 1 - Bộ phận một cửa". */
  readonly kioskName: string;
  /** A staff session ends this long after sign-in (default 8 h). */
  readonly sessionTtlMs: number;
  /** Consecutive wrong PINs that lock an account, and for how long (defaults 5, 15 min). */
  readonly loginMaxFailures: number;
  readonly loginLockMs: number;
  /** Door opens per minute for the whole kiosk, every path included (default 30). */
  readonly opensPerMinute: number;
  /** The kiosk presence code: digits shown only on the kiosk screen, and how often it changes. */
  readonly presenceCodeDigits: number;
  readonly presenceCodeRotateMs: number;
  /** Requests per minute per key (IP, receipt number or account) before 429 (default 60). */
  readonly requestsPerMinute: number;
  /** Wrong pickup or login attempts per minute per receipt number or account id (default 10). */
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
