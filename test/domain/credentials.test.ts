import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatQrPayload,
  hashQrSecret,
  hashSecondFactor,
  hashTypedCode,
  newQrSecret,
  newTypedCode,
  normaliseTypedCode,
  parseQrPayload,
  sameDigest,
  verifyQrSecret,
  verifySecondFactor,
  verifyTypedCode,
} from '../../src/domain/credentials';
import { formatReceipt } from '../../src/domain/receipt';

const key = randomBytes(32);
const receipt = formatReceipt({ kioskCode: '061', date: '2026-11-21', sequence: 7 });

describe('pickup secrets', () => {
  it('a QR secret carries at least 128 random bits and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const s = newQrSecret();
      expect(Buffer.from(s, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
      seen.add(s);
    }
    expect(seen.size).toBe(20_000);
  });

  it('a typed code is 8 digits and spreads over every leading digit', () => {
    const leading = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const c = newTypedCode();
      expect(c).toMatch(/^\d{8}$/);
      leading.add(c[0]!);
    }
    // 2000 uniform draws miss one of 10 leading digits with probability ~10 * 0.9^2000.
    expect(leading.size).toBe(10);
  });

  it('a stored hash never equals or contains the secret, and verifies only the right one', () => {
    for (let i = 0; i < 200; i++) {
      const secret = newQrSecret();
      const code = newTypedCode();
      const qrHash = hashQrSecret(secret);
      const codeHash = hashTypedCode(code, receipt.compact, key);
      for (const h of [qrHash, codeHash]) {
        expect(h).not.toContain(secret);
        expect(h).not.toContain(code);
        expect(h).not.toContain(Buffer.from(secret, 'base64url').toString('hex'));
      }
      expect(verifyQrSecret(secret, qrHash)).toBe(true);
      expect(verifyQrSecret(newQrSecret(), qrHash)).toBe(false);
      expect(verifyTypedCode(code, receipt.compact, key, codeHash)).toBe(true);
      const other = String((Number(code) + 1) % 1e8).padStart(8, '0');
      expect(verifyTypedCode(other, receipt.compact, key, codeHash)).toBe(false);
    }
  });

  it('the typed code hash depends on the kiosk key and on the receipt', () => {
    const h = hashTypedCode('12345678', receipt.compact, key);
    expect(hashTypedCode('12345678', receipt.compact, randomBytes(32))).not.toBe(h);
    const other = formatReceipt({ kioskCode: '061', date: '2026-11-21', sequence: 8 });
    expect(hashTypedCode('12345678', other.compact, key)).not.toBe(h);
    expect(() => hashTypedCode('12345678', receipt.compact, randomBytes(16))).toThrow(RangeError);
  });

  it('the second factor is hashed apart from the code, so equal digits do not match across kinds', () => {
    const h = hashSecondFactor('4321', receipt.compact, key);
    expect(h).not.toBe(hashTypedCode('4321', receipt.compact, key));
    expect(verifySecondFactor('4321', receipt.compact, key, h)).toBe(true);
    expect(verifySecondFactor('4322', receipt.compact, key, h)).toBe(false);
  });

  it('digest comparison refuses garbage and different lengths', () => {
    const h = hashQrSecret('x');
    expect(sameDigest(h, h)).toBe(true);
    expect(sameDigest(h, h.slice(0, -2))).toBe(false);
    expect(sameDigest(h, '')).toBe(false);
    expect(sameDigest(h, `zz${h.slice(2)}`)).toBe(false);
  });

  it('normalises a typed code', () => {
    expect(normaliseTypedCode(' 1234-5678 ')).toBe('12345678');
    expect(normaliseTypedCode('1234567')).toBeNull();
    expect(normaliseTypedCode('1234567a')).toBeNull();
  });
});

describe('QR payload', () => {
  const secret = newQrSecret();
  const payload = formatQrPayload(receipt, secret);

  it('round-trips and carries nothing but the receipt number and the secret', () => {
    expect(payload).toBe(`DL1.${receipt.compact}.${secret}`);
    expect(parseQrPayload(`${payload}\r\n`)).toEqual({ ok: true, receipt, secret });
  });

  it('names what is wrong with a bad scan', () => {
    expect(parseQrPayload('')).toEqual({ ok: false, code: 'qr_empty' });
    expect(parseQrPayload('https://dichvucong.gov.vn/x')).toEqual({ ok: false, code: 'qr_not_ours' });
    expect(parseQrPayload(payload.slice(0, -3))).toEqual({ ok: false, code: 'qr_garbled' });
    expect(parseQrPayload(`${payload}.extra`)).toEqual({ ok: false, code: 'qr_garbled' });
    expect(parseQrPayload(`DL1.${receipt.compact}`)).toEqual({ ok: false, code: 'qr_garbled' });
    expect(parseQrPayload(payload.replace(secret, `${secret.slice(0, -1)}!`))).toEqual({
      ok: false,
      code: 'qr_garbled',
    });
    const c = receipt.compact;
    const misread = `${c.slice(0, 5)}${(Number(c[5]) + 1) % 10}${c.slice(6)}`;
    expect(parseQrPayload(`DL1.${misread}.${secret}`)).toMatchObject({ ok: false });
    const swapped = `${c.slice(0, 9)}${c[10]}${c[9]}${c.slice(11)}`;
    if (swapped !== c)
      expect(parseQrPayload(`DL1.${swapped}.${secret}`)).toEqual({ ok: false, code: 'qr_bad_receipt' });
  });
});
