import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceipt } from '../../src/domain/receipt';
import {
  gsm7Length,
  MAX_KIOSK_NAME_SEPTETS,
  renderSms,
  SMS_KINDS,
  SMS_MAX_SEPTETS,
  type SmsNotice,
  SmsTextError,
  smsKioskName,
  stripVietnameseDiacritics,
} from '../../src/notify';

// Every Vietnamese vowel with each tone mark, and đ, grouped by the plain letter it must become.
const VIETNAMESE: Record<string, string> = {
  a: 'aáàảãạăắằẳẵặâấầẩẫậ',
  e: 'eéèẻẽẹêếềểễệ',
  i: 'iíìỉĩị',
  o: 'oóòỏõọôốồổỗộơớờởỡợ',
  u: 'uúùủũụưứừửữự',
  y: 'yýỳỷỹỵ',
  d: 'dđ',
};

describe('Vietnamese without diacritics', () => {
  for (const [plain, letters] of Object.entries(VIETNAMESE)) {
    it(`maps every form of ${plain} and ${plain.toUpperCase()}`, () => {
      for (const letter of letters) {
        expect(stripVietnameseDiacritics(letter)).toBe(plain);
        expect(stripVietnameseDiacritics(letter.toUpperCase())).toBe(plain.toUpperCase());
        // Text pasted from some editors arrives decomposed.
        expect(stripVietnameseDiacritics(letter.normalize('NFD'))).toBe(plain);
      }
    });
  }

  it('keeps consonants, digits and punctuation', () => {
    expect(stripVietnameseDiacritics('Đường Trần Hưng Đạo, số 12/3B - Quận 6')).toBe(
      'Duong Tran Hung Dao, so 12/3B - Quan 6',
    );
  });
});

describe('GSM-7 length', () => {
  it('counts the extension table twice and refuses other characters', () => {
    expect(gsm7Length('abc 123')).toBe(7);
    expect(gsm7Length('[x]')).toBe(5);
    expect(gsm7Length('{}|~^\\€')).toBe(14);
    expect(gsm7Length('é@£')).toBe(3);
    expect(gsm7Length('ă')).toBeNull();
    expect(gsm7Length('a\u0301')).toBeNull();
    expect(gsm7Length('`')).toBeNull();
  });
});

const RECEIPT = formatReceipt({ kioskCode: '061', date: '2026-12-31', sequence: 9999 });
const CODE = '98765432';
/** 40 septets once unaccented, the most a kiosk name may take. */
const LONGEST_NAME = 'Ủy ban nhân dân Phường Bình Tiên, Quận 6';

function longest(kind: SmsNotice['kind'], kioskName = LONGEST_NAME): SmsNotice {
  const r = RECEIPT.compact;
  switch (kind) {
    case 'dropoff_receipt':
      return { kind, receiptNo: r, appointmentDate: '2026-12-31', doorPosition: 9999 };
    case 'result_ready':
      return { kind, receiptNo: r, code: CODE, kioskName, pickupUntil: '2026-12-31' };
    case 'pickup_reminder':
      return { kind, receiptNo: r, kioskName, pickupUntil: '2026-12-31' };
    case 'apology':
      return { kind, receiptNo: r, appointmentDate: '2026-12-31' };
    case 'result_reclaimed':
      return { kind, receiptNo: r };
  }
}

const LINK = /(https?:|www\.|:\/\/|\.(vn|com|net|org)\b)/i;

describe('SMS texts', () => {
  it('the longest kiosk name takes exactly the allowed septets', () => {
    expect(gsm7Length(smsKioskName(LONGEST_NAME))).toBe(MAX_KIOSK_NAME_SEPTETS);
  });

  for (const kind of SMS_KINDS) {
    it(`${kind}: plain ASCII, one SMS with the longest values, receipt number, no link`, () => {
      const text = renderSms(longest(kind));
      expect(text).toMatch(/^[\x20-\x7e]+$/);
      expect(text.normalize('NFD')).toBe(text);
      const septets = gsm7Length(text);
      expect(septets).not.toBeNull();
      expect(septets!).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
      expect(text).toContain(RECEIPT.display);
      expect(text).not.toMatch(LINK);
      if (kind === 'result_ready') expect(text).toContain(CODE);
      // No other text carries a pickup code (receipt groups are at most 6 digits).
      else expect(text).not.toMatch(/\d{8}/);
    });
  }

  it('names the kiosk and the last day in the ready notice and the reminder', () => {
    for (const kind of ['result_ready', 'pickup_reminder'] as const) {
      const text = renderSms(longest(kind, 'Phường Bình Tiên'));
      expect(text).toContain('Phuong Binh Tien');
      expect(text).toContain('31/12/2026');
    }
    expect(renderSms(longest('dropoff_receipt'))).toContain('9999');
  });

  it('kiosk names: extension characters count twice, one septet too many is refused', () => {
    const withBrackets = `[${'x'.repeat(MAX_KIOSK_NAME_SEPTETS - 4)}]`; // 38 chars, 40 septets
    expect(smsKioskName(withBrackets)).toBe(withBrackets);
    expect(() => smsKioskName(`${withBrackets}x`)).toThrow(SmsTextError);
    expect(() => smsKioskName(`${LONGEST_NAME}x`)).toThrow(/septets/);
    expect(() => smsKioskName('UBND Quận 6 www.quan6.hochiminhcity.gov.vn')).toThrow(/link/);
    expect(() => smsKioskName('  ')).toThrow(SmsTextError);
    expect(() => smsKioskName('UBND ✓')).toThrow(/GSM-7/);
  });

  it('refuses malformed fields instead of sending a wrong text', () => {
    const ready = longest('result_ready');
    expect(() => renderSms({ ...ready, code: '1234567' } as SmsNotice)).toThrow(SmsTextError);
    expect(() => renderSms({ ...ready, receiptNo: '06126123199990' } as SmsNotice)).toThrow(/receipt/);
    expect(() => renderSms({ ...ready, pickupUntil: '2026-02-30' } as SmsNotice)).toThrow(/date/);
    expect(() => renderSms({ ...longest('dropoff_receipt'), doorPosition: 0 } as SmsNotice)).toThrow(/door/);
  });

  it('any Vietnamese kiosk name that passes the check fits every template', () => {
    const letters = [
      ...Object.values(VIETNAMESE).join(''),
      'b',
      'c',
      'g',
      'h',
      'k',
      'l',
      'm',
      'n',
      'p',
      'q',
      'r',
      's',
      't',
      'v',
      'x',
      ' ',
      ',',
      '.',
    ];
    const name = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: MAX_KIOSK_NAME_SEPTETS })
      .map((chars) => chars.join(''))
      .filter((s) => s.trim().length > 0 && !LINK.test(stripVietnameseDiacritics(s)));
    fc.assert(
      fc.property(name, fc.boolean(), (kioskName, upper) => {
        const n = upper ? kioskName.toUpperCase() : kioskName;
        for (const kind of ['result_ready', 'pickup_reminder'] as const) {
          const text = renderSms(longest(kind, n));
          expect(gsm7Length(text)!).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
        }
      }),
    );
  });
});
