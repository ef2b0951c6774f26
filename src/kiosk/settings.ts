/**
 * The settings of the kiosk's front end, resolved from the configuration in one object: the HTTP
 * shell reads the addresses and the request limits, the kiosk services the rest (KioskSettings).
 * The configuration checks them once, at load time, and fills in its defaults
 * (src/config/validate.ts, src/config/settings.ts): nothing here checks them again.
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
