import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Staff, technician and supervisor PINs, hashed with scrypt. The stored text describes itself
 * (`scrypt$N$r$p$salt$hash`, salt and hash in base64url) so the cost can be raised later while
 * older hashes still verify.
 */
const N = 16_384;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on what a stored hash may ask for, so a tampered row cannot make a login eat the CPU. */
const MAX_N = 1 << 20;
const MAX_RP = 64;

export function isValidPin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

export function hashPin(pin: string): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P, maxmem: 256 * N * R });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * Whether a text has the shape hashPin() writes. The configuration checks its accounts with it
 * at start-up, so a PIN pasted in clear is refused, not seeded.
 */
export function looksLikePinHash(text: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{8,}\$[A-Za-z0-9_-]{22,}$/.test(text);
}

/** True when the PIN matches; false for a wrong PIN or a malformed stored hash. Constant-time compare. */
export function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const ok = (v: number, max: number) => Number.isInteger(v) && v > 0 && v <= max;
  if (!ok(n, MAX_N) || (n & (n - 1)) !== 0 || !ok(r, MAX_RP) || !ok(p, MAX_RP)) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length === 0 || expected.length < 16) return false;
  const actual = scryptSync(pin, salt, expected.length, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}
