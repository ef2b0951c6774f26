import { isIP } from 'node:net';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from './deps';

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

/** The HTTP settings with defaults filled in, refused with the bad field named. */
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
