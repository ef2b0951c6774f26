import { StoreError } from './errors';

/**
 * Audit details and notification payloads carry ids and hashes only. This guard refuses the keys
 * under which personal data or secrets usually travel; a key ending in "hash" is allowed, since a
 * hash is what should be recorded instead.
 */
const FORBIDDEN_WORDS = new Set([
  'name',
  'phone',
  'mobile',
  'email',
  'address',
  'secret',
  'password',
  'token',
  'otp',
  'pin',
  'qr',
  'cccd',
  'cmnd',
  'idcard',
  'idnumber',
]);

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function forbiddenKey(key: string): boolean {
  const parts = words(key);
  if (parts.length === 0) return false;
  if (parts[parts.length - 1] === 'hash') return false;
  if (parts.length === 1 && parts[0] === 'code') return true;
  const joined = parts.join('');
  if (joined === 'idcard' || joined === 'idnumber') return true;
  return parts.some((w) => FORBIDDEN_WORDS.has(w));
}

export function assertNoPersonalKeys(value: unknown, where: string, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      assertNoPersonalKeys(item, where, `${path}[${i}]`);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (forbiddenKey(key)) {
      throw new StoreError('SECRET_IN_PAYLOAD', `${where} may not carry '${at}': record ids and hashes only`);
    }
    assertNoPersonalKeys(inner, where, at);
  }
}
