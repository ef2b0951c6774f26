import { parseReceipt, type Receipt } from './receipt';

/**
 * The pickup QR: `DL1.<14-digit receipt>.<base64url secret>`. It holds the receipt number (not
 * secret) and the bearer secret, and nothing about the person: a photo of the slip shows no name.
 */
export const QR_PAYLOAD_VERSION = 'DL1';
export const QR_SECRET_BYTES = 18; // 144 bits: 24 base64url characters, no padding

export type QrParseError =
  | 'qr_empty' // the scanner sent nothing
  | 'qr_not_ours' // some other QR (a result document, a payment code...)
  | 'qr_garbled' // ours, but parts are missing or damaged
  | 'qr_bad_receipt'; // the receipt part fails its check digit: a misread

export type QrParse = { ok: true; receipt: Receipt; secret: string } | { ok: false; code: QrParseError };

const SECRET_CHARS = Math.ceil((QR_SECRET_BYTES * 8) / 6);
const SECRET = new RegExp(`^[A-Za-z0-9_-]{${SECRET_CHARS}}$`);

export function formatQrPayload(receipt: Receipt, secret: string): string {
  if (!SECRET.test(secret)) throw new RangeError('not a pickup secret');
  return `${QR_PAYLOAD_VERSION}.${receipt.compact}.${secret}`;
}

export function parseQrPayload(scanned: string): QrParse {
  // Keyboard-wedge scanners append CR/LF; people never type these, so trimming is safe.
  const text = scanned.trim();
  if (text === '') return { ok: false, code: 'qr_empty' };
  const parts = text.split('.');
  if (parts[0] !== QR_PAYLOAD_VERSION) return { ok: false, code: 'qr_not_ours' };
  if (parts.length !== 3) return { ok: false, code: 'qr_garbled' };
  const [, receiptText, secret] = parts as [string, string, string];
  if (!/^\d{14}$/.test(receiptText) || !SECRET.test(secret)) return { ok: false, code: 'qr_garbled' };
  const receipt = parseReceipt(receiptText);
  if (!receipt.ok)
    return { ok: false, code: receipt.code === 'receipt_check_failed' ? 'qr_bad_receipt' : 'qr_garbled' };
  return { ok: true, receipt: receipt.receipt, secret };
}
