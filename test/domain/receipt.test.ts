import { describe, expect, it } from 'vitest';
import { dammCheckDigit, dammValid } from '../../src/domain/damm';
import { formatReceipt, parseReceipt, receiptFor } from '../../src/domain/receipt';

describe('Damm check digit', () => {
  it('matches the published example (572 -> 4)', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(dammValid('5724')).toBe(true);
    expect(dammValid('5727')).toBe(false);
  });
});

describe('receipt numbers', () => {
  it('round-trips through the printed and the compact forms', () => {
    const r = formatReceipt({ kioskCode: '061', date: '2026-11-21', sequence: 42 });
    expect(r.display).toMatch(/^061-261121-0042-\d$/);
    expect(r.compact).toBe(r.display.replaceAll('-', ''));
    for (const text of [r.display, r.compact, ` ${r.compact.slice(0, 7)} ${r.compact.slice(7)} `]) {
      const p = parseReceipt(text);
      expect(p).toEqual({ ok: true, receipt: r });
    }
  });

  it('is dated in Ho Chi Minh City: 23:30 UTC is already the next day there', () => {
    expect(receiptFor('061', new Date('2026-12-31T17:30:00Z'), 1).date).toBe('2027-01-01');
    expect(receiptFor('061', new Date('2026-12-31T16:59:00Z'), 1).date).toBe('2026-12-31');
  });

  it('catches every single-digit error and every adjacent transposition', () => {
    let checked = 0;
    for (let seq = 1; seq <= 400; seq++) {
      const kiosk = String((seq * 37) % 1000).padStart(3, '0');
      const day = String((seq % 28) + 1).padStart(2, '0');
      const { compact } = formatReceipt({
        kioskCode: kiosk,
        date: `2026-0${(seq % 9) + 1}-${day}`,
        sequence: seq,
      });
      expect(parseReceipt(compact).ok).toBe(true);
      for (let i = 0; i < compact.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === compact[i]) continue;
          const typo = compact.slice(0, i) + d + compact.slice(i + 1);
          expect(parseReceipt(typo).ok, typo).toBe(false);
          checked++;
        }
        if (i + 1 < compact.length && compact[i] !== compact[i + 1]) {
          const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
          expect(parseReceipt(swapped), swapped).toEqual({ ok: false, code: 'receipt_check_failed' });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('rejects malformed input with a reason', () => {
    expect(parseReceipt('')).toEqual({ ok: false, code: 'receipt_malformed' });
    expect(parseReceipt('06126112100427')).toMatchObject({ ok: false });
    expect(parseReceipt('061-26112A-0042-7')).toEqual({ ok: false, code: 'receipt_malformed' });
    expect(parseReceipt('0612611210042')).toEqual({ ok: false, code: 'receipt_malformed' });
    // A valid check digit over an impossible date (30 February) is still refused.
    const body = '061260230' + '0001';
    expect(parseReceipt(body + dammCheckDigit(body))).toEqual({ ok: false, code: 'receipt_malformed' });
  });

  it('refuses to print a receipt outside its ranges', () => {
    expect(() => formatReceipt({ kioskCode: '61', date: '2026-01-01', sequence: 1 })).toThrow(RangeError);
    expect(() => formatReceipt({ kioskCode: '061', date: '2026-01-01', sequence: 0 })).toThrow(RangeError);
    expect(() => formatReceipt({ kioskCode: '061', date: '2026-01-01', sequence: 10_000 })).toThrow(
      RangeError,
    );
    expect(() => formatReceipt({ kioskCode: '061', date: '2026-02-29', sequence: 1 })).toThrow(RangeError);
  });
});
