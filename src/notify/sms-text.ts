import { isIsoDate } from '../domain/local-time';
import { parseReceipt } from '../domain/receipt';
import { gsm7Length, nonGsm7Chars, SMS_MAX_SEPTETS } from './gsm7';
import { stripVietnameseDiacritics } from './unaccent';

/**
 * The texts sent to the citizen's phone. Written here in Vietnamese with its marks and sent
 * without them (GSM-7, one 160-character SMS). A text carries the receipt number always, the typed
 * pickup code only in the result-ready notice, and never the QR secret, a link, a name or a phone
 * number (the message already goes to the applicant's own phone).
 */
export type SmsNotice =
  | {
      readonly kind: 'dropoff_receipt';
      readonly receiptNo: string;
      readonly appointmentDate: string; // YYYY-MM-DD
      readonly doorPosition: number;
    }
  | {
      readonly kind: 'result_ready';
      readonly receiptNo: string;
      readonly code: string; // 8 digits
      readonly kioskName: string;
      readonly pickupUntil: string; // YYYY-MM-DD, last day at the locker
    }
  | {
      readonly kind: 'pickup_reminder';
      readonly receiptNo: string;
      readonly kioskName: string;
      readonly pickupUntil: string;
    }
  | { readonly kind: 'apology'; readonly receiptNo: string; readonly appointmentDate: string }
  | { readonly kind: 'result_reclaimed'; readonly receiptNo: string };

export type SmsKind = SmsNotice['kind'];
export const SMS_KINDS: readonly SmsKind[] = [
  'dropoff_receipt',
  'result_ready',
  'pickup_reminder',
  'apology',
  'result_reclaimed',
];

/** The longest kiosk name (in GSM-7 septets, without diacritics) every template still fits. */
export const MAX_KIOSK_NAME_SEPTETS = 40;

export type SmsTextErrorCode = 'invalid_field' | 'not_gsm7' | 'too_long';

export class SmsTextError extends Error {
  constructor(
    readonly code: SmsTextErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SmsTextError';
  }
}

const LINK_LIKE = /(https?:|www\.|:\/\/|\.(vn|com|net|org|gov|info|io)\b)/i;
const PICKUP_CODE = /^\d{8}$/;

/** The kiosk name as it appears in texts; throws SmsTextError when no template could carry it. */
export function smsKioskName(name: string): string {
  const plain = stripVietnameseDiacritics(name).replace(/\s+/g, ' ').trim();
  if (plain.length === 0) throw new SmsTextError('invalid_field', 'kiosk name is empty');
  if (LINK_LIKE.test(plain)) throw new SmsTextError('invalid_field', 'kiosk name may not look like a link');
  const septets = gsm7Length(plain);
  if (septets === null) {
    throw new SmsTextError(
      'not_gsm7',
      `kiosk name has characters outside GSM-7: ${nonGsm7Chars(plain).join('')}`,
    );
  }
  if (septets > MAX_KIOSK_NAME_SEPTETS) {
    throw new SmsTextError(
      'too_long',
      `kiosk name takes ${septets} septets, at most ${MAX_KIOSK_NAME_SEPTETS}`,
    );
  }
  return plain;
}

function receipt(receiptNo: string): string {
  const parsed = parseReceipt(receiptNo);
  if (!parsed.ok) throw new SmsTextError('invalid_field', `receipt number rejected: ${parsed.code}`);
  return parsed.receipt.display;
}

/** dd/mm/yyyy, as dates are written in Vietnam. */
function date(iso: string): string {
  if (!isIsoDate(iso)) throw new SmsTextError('invalid_field', 'date must be YYYY-MM-DD');
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function door(position: number): string {
  if (!Number.isInteger(position) || position < 1 || position > 9999) {
    throw new SmsTextError('invalid_field', 'door position must be 1..9999');
  }
  return String(position);
}

function code(value: string): string {
  if (!PICKUP_CODE.test(value)) throw new SmsTextError('invalid_field', 'pickup code must be 8 digits');
  return value;
}

function compose(notice: SmsNotice): string {
  switch (notice.kind) {
    case 'dropoff_receipt':
      return (
        `Đã nhận hồ sơ, biên nhận số ${receipt(notice.receiptNo)}, ngăn tủ số ${door(notice.doorPosition)}. ` +
        `Ngày hẹn trả kết quả: ${date(notice.appointmentDate)}. Vui lòng giữ biên nhận để nhận kết quả.`
      );
    case 'result_ready':
      return (
        `Kết quả hồ sơ ${receipt(notice.receiptNo)} đã sẵn sàng tại ${smsKioskName(notice.kioskName)}. ` +
        `Mã nhận: ${code(notice.code)}. Nhận đến hết ngày ${date(notice.pickupUntil)}. Không đưa mã cho ai.`
      );
    case 'pickup_reminder':
      return (
        `Nhắc: kết quả hồ sơ ${receipt(notice.receiptNo)} đang chờ tại ${smsKioskName(notice.kioskName)}. ` +
        `Nhận đến hết ngày ${date(notice.pickupUntil)}, sau đó chuyển về quầy một cửa.`
      );
    case 'apology':
      return (
        `Xin lỗi: hồ sơ ${receipt(notice.receiptNo)} chưa có kết quả đúng hẹn ngày ${date(notice.appointmentDate)}. ` +
        'Thư xin lỗi được gửi kèm kết quả. Chúng tôi sẽ báo khi có kết quả.'
      );
    case 'result_reclaimed':
      return (
        `Kết quả hồ sơ ${receipt(notice.receiptNo)} đã quá hạn nhận tại tủ và được chuyển về bộ phận một cửa. ` +
        'Vui lòng nhận tại quầy trong giờ hành chính, mang theo biên nhận.'
      );
  }
}

/** The SMS text for a notice: no diacritics, GSM-7 only, one SMS. Throws SmsTextError otherwise. */
export function renderSms(notice: SmsNotice): string {
  const text = stripVietnameseDiacritics(compose(notice));
  const septets = gsm7Length(text);
  if (septets === null) {
    throw new SmsTextError(
      'not_gsm7',
      `${notice.kind} text has characters outside GSM-7: ${nonGsm7Chars(text).join('')}`,
    );
  }
  if (septets > SMS_MAX_SEPTETS) {
    throw new SmsTextError(
      'too_long',
      `${notice.kind} text takes ${septets} septets, at most ${SMS_MAX_SEPTETS}`,
    );
  }
  return text;
}
