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

function judgeKey(key: string): boolean {
  const parts = words(key);
  if (parts.length === 0) return false;
  if (parts[parts.length - 1] === 'hash') return false;
  if (parts.length === 1 && parts[0] === 'code') return true;
  const joined = parts.join('');
  if (joined === 'idcard' || joined === 'idnumber') return true;
  return parts.some((w) => FORBIDDEN_WORDS.has(w));
}

/**
 * Every audit row and outbox message passes through here inside its write transaction, with the
 * same few dozen keys again and again: each key is judged once. Keys come from code, not from
 * input, so the memo stays small; it is capped all the same.
 */
const judged = new Map<string, boolean>();
const MAX_JUDGED = 4096;

function forbiddenKey(key: string): boolean {
  let forbidden = judged.get(key);
  if (forbidden === undefined) {
    forbidden = judgeKey(key);
    if (judged.size < MAX_JUDGED) judged.set(key, forbidden);
  }
  return forbidden;
}

export function assertNoPersonalKeys(value: unknown, where: string, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      assertNoPersonalKeys(item, where, `${path}[${i}]`);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (forbiddenKey(key)) {
      const at = path ? `${path}.${key}` : key;
      throw new StoreError('SECRET_IN_PAYLOAD', `${where} may not carry '${at}': record ids and hashes only`);
    }
    const inner = record[key];
    // Only objects and arrays hold more keys; the path is built for them alone.
    if (inner !== null && typeof inner === 'object')
      assertNoPersonalKeys(inner, where, path ? `${path}.${key}` : key);
  }
}
