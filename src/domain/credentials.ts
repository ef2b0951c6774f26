import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { QR_SECRET_BYTES } from './qr-payload';

export type { QrParse, QrParseError } from './qr-payload';
export { formatQrPayload, parseQrPayload, QR_PAYLOAD_VERSION, QR_SECRET_BYTES } from './qr-payload';

/**
 * Pickup credentials. The QR carries a random bearer secret; the typed fallback is the receipt
 * number plus an 8-digit code. Only hashes are stored.
 *
 * Why two hashing schemes:
 * - The QR secret has 144 random bits. Nobody can search that space, so a plain SHA-256 is
 *   enough and costs nothing at the door.
 * - The typed code has 10^8 values (~27 bits): anyone holding a copy of the database could try
 *   them all offline in seconds against a plain or salted hash, and even scrypt only turns
 *   seconds into days while slowing every pickup. So the code is hashed with HMAC-SHA256 under a
 *   per-kiosk key kept outside the database (a root-only file): a leaked database or backup alone
 *   gives nothing to search against. The receipt number is part of the message, so one code
 *   value hashes differently on every dossier. Online guessing is bounded by the lockout
 *   counters, not by the hash.
 * - The optional second factor (last digits of the phone or ID number) has even fewer values and
 *   is personal data: the same keyed hash, with a different label.
 */
export const TYPED_CODE_DIGITS = 8;
export const MIN_KIOSK_KEY_BYTES = 32;

export function newQrSecret(): string {
  return randomBytes(QR_SECRET_BYTES).toString('base64url');
}

/** Uniform over 00000000..99999999 (randomInt rejects biased draws). */
export function newTypedCode(): string {
  return String(randomInt(0, 10 ** TYPED_CODE_DIGITS)).padStart(TYPED_CODE_DIGITS, '0');
}

export function hashQrSecret(secret: string): string {
  return createHash('sha256').update(`dl-qr-secret\0${secret}`).digest('hex');
}

function keyed(label: string, key: Buffer, receipt: string, value: string): string {
  if (key.length < MIN_KIOSK_KEY_BYTES)
    throw new RangeError(`kiosk key must be at least ${MIN_KIOSK_KEY_BYTES} bytes`);
  return createHmac('sha256', key).update(`${label}\0${receipt}\0${value}`).digest('hex');
}

/** `receipt` is the compact receipt number the code belongs to. */
export function hashTypedCode(code: string, receipt: string, key: Buffer): string {
  return keyed('dl-typed-code', key, receipt, code);
}

/** Hash of the last digits of the applicant's phone or ID number, as typed. */
export function hashSecondFactor(lastDigits: string, receipt: string, key: Buffer): string {
  return keyed('dl-second-factor', key, receipt, lastDigits);
}

/** Compares two hex digests in constant time (length differences return false at once). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  if (x.length === 0 || x.length !== y.length || x.length * 2 !== a.length || y.length * 2 !== b.length)
    return false;
  return timingSafeEqual(x, y);
}

export function verifyQrSecret(secret: string, storedHash: string): boolean {
  return sameDigest(hashQrSecret(secret), storedHash);
}

export function verifyTypedCode(code: string, receipt: string, key: Buffer, storedHash: string): boolean {
  return sameDigest(hashTypedCode(code, receipt, key), storedHash);
}

export function verifySecondFactor(
  lastDigits: string,
  receipt: string,
  key: Buffer,
  storedHash: string,
): boolean {
  return sameDigest(hashSecondFactor(lastDigits, receipt, key), storedHash);
}

/** A typed code as the citizen entered it, with spaces and dashes removed; null if not 8 digits. */
export function normaliseTypedCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}
