import type { HttpSettings } from '../config';

/**
 * The settings of the kiosk's front end, resolved from the configuration in one object: the HTTP
 * shell reads the addresses and the request limits, the kiosk services the rest (KioskSettings).
 * The configuration checks them once, at load time, and fills in its defaults
 * (src/config/validate.ts, src/config/settings.ts): nothing here checks them again. The type is
 * the configuration's own, so the fields are written once.
 */
export type HttpConfig = HttpSettings;

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
