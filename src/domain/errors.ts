/**
 * Every refusal a citizen (or staff member at the kiosk) can meet, with a stable code and a
 * message in Vietnamese first and English. Messages are short, say what happened and what to do
 * next, and never contain personal data.
 */
export interface BilingualMessage {
  vi: string;
  en: string;
}

export const DOMAIN_MESSAGES = {
  wrong_code: {
    vi: 'Số biên nhận hoặc mã nhận kết quả không đúng. Vui lòng kiểm tra biên nhận và nhập lại.',
    en: 'The receipt number or the pickup code is not correct. Please check your receipt and try again.',
  },
  wrong_second_factor: {
    vi: 'Số xác nhận không đúng. Vui lòng nhập lại 4 số cuối điện thoại hoặc CCCD.',
    en: 'The confirmation digits are not correct. Please re-enter the last 4 digits of your phone or ID.',
  },
  dossier_locked: {
    vi: 'Mã nhận kết quả của hồ sơ đã bị khóa do nhập sai nhiều lần. Vui lòng quét mã QR trên biên nhận hoặc liên hệ bộ phận một cửa.',
    en: 'The typed code of this dossier is locked after too many wrong attempts. Please scan the QR code on your receipt or contact the one-stop counter.',
  },
  kiosk_attempts_capped: {
    vi: 'Máy tạm dừng nhận mã nhập tay vài phút do có nhiều lần nhập sai. Quét mã QR vẫn dùng được.',
    en: 'Typed codes are paused for a few minutes after many wrong attempts. Scanning the QR code still works.',
  },
  receipt_mistyped: {
    vi: 'Số biên nhận có chữ số bị nhập sai. Vui lòng kiểm tra và nhập lại.',
    en: 'A digit of the receipt number seems mistyped. Please check and enter it again.',
  },
  garbled_scan: {
    vi: 'Không đọc được mã QR. Vui lòng đưa biên nhận lại gần máy quét hoặc nhập số biên nhận.',
    en: 'The QR code could not be read. Please scan the receipt again or type the receipt number.',
  },
  not_our_qr: {
    vi: 'Mã QR này không phải biên nhận của hệ thống. Vui lòng quét mã trên biên nhận.',
    en: 'This QR code is not one of our receipts. Please scan the code on your receipt.',
  },
  no_free_door: {
    vi: 'Hiện không còn ngăn tủ trống phù hợp. Vui lòng nộp hồ sơ tại quầy hoặc quay lại sau.',
    en: 'No free locker of this size right now. Please use the counter or come back later.',
  },
  door_jammed: {
    vi: 'Cửa ngăn tủ bị kẹt. Nhân viên kỹ thuật đã được báo. Xin lỗi quý khách vì sự bất tiện.',
    en: 'The locker door is jammed. A technician has been alerted. We apologise for the trouble.',
  },
  door_refused: {
    vi: 'Ngăn tủ tạm thời không mở được. Vui lòng thử lại sau ít phút.',
    en: 'The locker could not be opened just now. Please try again in a few minutes.',
  },
  link_down: {
    vi: 'Máy đang mất kết nối với tủ. Vui lòng thử lại sau hoặc liên hệ bộ phận một cửa.',
    en: 'The kiosk has lost contact with the lockers. Please try later or contact the counter.',
  },
  kiosk_maintenance: {
    vi: 'Máy đang bảo trì. Vui lòng quay lại sau hoặc liên hệ bộ phận một cửa.',
    en: 'The kiosk is under maintenance. Please come back later or contact the counter.',
  },
  not_ready_yet: {
    vi: 'Kết quả hồ sơ chưa có. Quý khách sẽ nhận được thông báo khi có kết quả.',
    en: 'The result is not ready yet. You will be notified when it is.',
  },
  already_picked_up: {
    vi: 'Kết quả của hồ sơ này đã được nhận.',
    en: 'The result of this dossier has already been picked up.',
  },
  result_reclaimed: {
    vi: 'Kết quả đã được chuyển về bộ phận một cửa. Vui lòng nhận tại quầy.',
    en: 'The result has been returned to the one-stop counter. Please collect it there.',
  },
  dossier_cancelled: {
    vi: 'Hồ sơ này đã bị hủy, không có gì được gửi vào tủ.',
    en: 'This dossier was cancelled; nothing was left in the locker.',
  },
  under_inspection: {
    vi: 'Ngăn tủ của hồ sơ đang được kiểm tra. Vui lòng liên hệ bộ phận một cửa.',
    en: 'The locker for this dossier is being checked. Please contact the one-stop counter.',
  },
  second_factor_required: {
    vi: 'Hồ sơ này cần xác nhận thêm: vui lòng nhập 4 số cuối điện thoại hoặc CCCD.',
    en: 'This dossier needs a confirmation: please enter the last 4 digits of your phone or ID.',
  },
  action_not_allowed: {
    vi: 'Thao tác này không thực hiện được với hồ sơ ở trạng thái hiện tại.',
    en: 'This action is not possible for the dossier in its current state.',
  },
} as const satisfies Record<string, BilingualMessage>;

export type DomainErrorCode = keyof typeof DOMAIN_MESSAGES;

export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_MESSAGES) as DomainErrorCode[];

export class DomainError extends Error {
  readonly vi: string;
  readonly en: string;

  constructor(
    readonly code: DomainErrorCode,
    /** Ids only (dossier id, door id), for logs; never names, phone numbers or secrets. */
    readonly detail?: Readonly<Record<string, string | number>>,
  ) {
    const message = DOMAIN_MESSAGES[code];
    super(message.en);
    this.name = 'DomainError';
    this.vi = message.vi;
    this.en = message.en;
  }

  /** The message in the citizen's chosen language (Vietnamese first). */
  messageIn(lang: 'vi' | 'en'): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
