import { isIP } from 'node:net';

/**
 * The settings of the kiosk's front end, resolved from the configuration in one object: the HTTP
 * shell reads the addresses and the request limits, the kiosk services the rest (KioskSettings).
 * They are checked here, below both, so the configuration can check them at load time without
 * reaching into the HTTP shell.
 */
export interface HttpConfig {
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

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  host: '127.0.0.1',
  port: 8080,
  officeHost: null,
  kioskName: 'Bộ phận một cửa',
  sessionTtlMs: 8 * 3_600_000,
  loginMaxFailures: 5,
  loginLockMs: 15 * 60_000,
  opensPerMinute: 30,
  presenceCodeDigits: 6,
  presenceCodeRotateMs: 60_000,
  requestsPerMinute: 120,
  attemptsPerMinute: 10,
};

/** What the kiosk services are tuned by. */
export type KioskSettings = Pick<
  HttpConfig,
  | 'kioskName'
  | 'sessionTtlMs'
  | 'loginMaxFailures'
  | 'loginLockMs'
  | 'opensPerMinute'
  | 'presenceCodeDigits'
  | 'presenceCodeRotateMs'
>;

export class HttpConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`http.${field}: ${message}`);
    this.name = 'HttpConfigError';
  }
}

const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

function host(field: string, value: unknown): string {
  if (typeof value !== 'string' || EVERY_INTERFACE.has(value)) {
    throw new HttpConfigError(field, 'must name one address (never every interface)');
  }
  if (isIP(value) === 0 && value !== 'localhost')
    throw new HttpConfigError(field, `"${value}" is not an IP address`);
  return value;
}

function whole(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new HttpConfigError(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** The front end's settings with defaults filled in, refused with the bad field named. */
export function checkHttpConfig(given: Partial<HttpConfig> = {}): HttpConfig {
  const c = { ...DEFAULT_HTTP_CONFIG, ...given };
  const kioskName = typeof c.kioskName === 'string' ? c.kioskName.trim() : '';
  if (kioskName.length === 0 || kioskName.length > 200)
    throw new HttpConfigError('kioskName', 'must be 1-200 characters');
  return {
    host: host('host', c.host),
    port: whole('port', c.port, 0, 65_535),
    officeHost: c.officeHost === null ? null : host('officeHost', c.officeHost),
    kioskName,
    sessionTtlMs: whole('sessionTtlMs', c.sessionTtlMs, 60_000, 7 * 24 * 3_600_000),
    loginMaxFailures: whole('loginMaxFailures', c.loginMaxFailures, 1, 100),
    loginLockMs: whole('loginLockMs', c.loginLockMs, 1000, 7 * 24 * 3_600_000),
    opensPerMinute: whole('opensPerMinute', c.opensPerMinute, 1, 10_000),
    presenceCodeDigits: whole('presenceCodeDigits', c.presenceCodeDigits, 4, 10),
    presenceCodeRotateMs: whole('presenceCodeRotateMs', c.presenceCodeRotateMs, 10_000, 3_600_000),
    requestsPerMinute: whole('requestsPerMinute', c.requestsPerMinute, 1, 100_000),
    attemptsPerMinute: whole('attemptsPerMinute', c.attemptsPerMinute, 1, 10_000),
  };
}
