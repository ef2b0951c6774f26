import type { HttpConfig } from '../kiosk/settings';
import type { Config } from './config';

/** The HTTP layer's settings, from the kiosk's configuration. */
export function httpSettings(config: Config): HttpConfig {
  const { http } = config;
  return {
    host: http.host,
    port: http.port,
    officeHost: http.officeHost,
    kioskName: config.kiosk.name.vi,
    sessionTtlMs: http.sessionMinutes * 60_000,
    loginMaxFailures: http.loginLockout.maxFailures,
    loginLockMs: http.loginLockout.lockMinutes * 60_000,
    opensPerMinute: config.opensPerMinute,
    presenceCodeDigits: http.presenceCode.digits,
    presenceCodeRotateMs: http.presenceCode.rotateSeconds * 1000,
    requestsPerMinute: http.requestsPerMinute,
    attemptsPerMinute: http.attemptsPerMinute,
  };
}
