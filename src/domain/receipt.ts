import { dammCheckDigit, dammValid } from './damm';
import { isIsoDate, localDate } from './local-time';

/**
 * Receipt numbers: kiosk code (3 digits) + the kiosk's local date (YYMMDD) + the day's sequence
 * (4 digits) + a Damm check digit, shown as 061-261121-0042-7 and typed as 14 digits.
 *
 * Digits only, because citizens type them on the kiosk's number pad next to the pickup code.
 * The number says where and when a dossier came in and nothing about who brought it; it is not
 * a secret (it is printed, sequential and guessable), so it never opens a door by itself.
 */
export interface ReceiptParts {
  kioskCode: string; // 3 digits, from configuration
  date: string; // YYYY-MM-DD in Asia/Ho_Chi_Minh
  sequence: number; // 1..9999, restarts each day
}

export interface Receipt extends ReceiptParts {
  compact: string; // 14 digits, the form stored and put in QR payloads
  display: string; // grouped for print and screen
}

export const MAX_DAILY_SEQUENCE = 9999;
const KIOSK_CODE = /^\d{3}$/;

export type ReceiptError =
  | 'receipt_malformed' // wrong length, letters, impossible date
  | 'receipt_check_failed'; // well formed but the check digit disagrees: a typing error

export type ReceiptParse = { ok: true; receipt: Receipt } | { ok: false; code: ReceiptError };

export function formatReceipt(parts: ReceiptParts): Receipt {
  if (!KIOSK_CODE.test(parts.kioskCode)) throw new RangeError('kiosk code must be 3 digits');
  if (!isIsoDate(parts.date) || !parts.date.startsWith('20'))
    throw new RangeError('date must be YYYY-MM-DD in 20xx');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`sequence must be 1..${MAX_DAILY_SEQUENCE}`);
  }
  const yymmdd = parts.date.slice(2).replaceAll('-', '');
  const seq = String(parts.sequence).padStart(4, '0');
  const body = `${parts.kioskCode}${yymmdd}${seq}`;
  const check = dammCheckDigit(body);
  return {
    ...parts,
    compact: `${body}${check}`,
    display: `${parts.kioskCode}-${yymmdd}-${seq}-${check}`,
  };
}

/** The receipt for a dossier received at `at`, dated in the kiosk's time zone. */
export function receiptFor(kioskCode: string, at: Date, sequence: number): Receipt {
  return formatReceipt({ kioskCode, date: localDate(at), sequence });
}

/** Accepts the printed form, the compact form, and spaces or dashes anywhere (people type both). */
export function parseReceipt(text: string): ReceiptParse {
  const digits = text.trim().replace(/[\s-]/g, '');
  if (!/^\d{14}$/.test(digits)) return { ok: false, code: 'receipt_malformed' };
  if (!dammValid(digits)) return { ok: false, code: 'receipt_check_failed' };
  const date = `20${digits.slice(3, 5)}-${digits.slice(5, 7)}-${digits.slice(7, 9)}`;
  const sequence = Number(digits.slice(9, 13));
  if (!isIsoDate(date) || sequence < 1) return { ok: false, code: 'receipt_malformed' };
  return { ok: true, receipt: formatReceipt({ kioskCode: digits.slice(0, 3), date, sequence }) };
}
