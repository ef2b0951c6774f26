import { checkHttpConfig, HttpConfigError } from '../kiosk/settings';
import type { Config } from './config';
import { ConfigError } from './errors';
import { httpSettings } from './http-settings';

/** The HTTP layer's names for its settings, as fields of this file. */
const FIELDS: Record<string, string> = {
  kioskName: 'kiosk.name.vi',
  sessionTtlMs: 'http.sessionMinutes',
  loginMaxFailures: 'http.loginLockout.maxFailures',
  loginLockMs: 'http.loginLockout.lockMinutes',
  opensPerMinute: 'opensPerMinute',
  presenceCodeDigits: 'http.presenceCode.digits',
  presenceCodeRotateMs: 'http.presenceCode.rotateSeconds',
};

/** Runs the HTTP layer's own check at load time, so its refusal names a field of this file. */
export function checkHttpSettings(config: Config): void {
  try {
    checkHttpConfig(httpSettings(config));
  } catch (error) {
    if (!(error instanceof HttpConfigError)) throw error;
    const reason = error.message.slice(`http.${error.field}: `.length);
    throw new ConfigError(config.file, FIELDS[error.field] ?? `http.${error.field}`, reason);
  }
}
