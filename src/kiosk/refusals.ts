import {
  type BilingualMessage,
  DOMAIN_MESSAGES,
  type DomainErrorCode,
  isDomainError,
} from '../domain/errors';
import { LedgerError, type LedgerErrorCode } from '../ledger';

/**
 * Refusals of the kiosk's application layer and of the HTTP shell in front of it (sessions, roles,
 * caps, validation), with the same bilingual shape as the domain's. One catalogue for both, so a
 * refusal met through the scanner reads as the same one met through a request. Codes are stable:
 * screens and scripts branch on them.
 */
export const KIOSK_MESSAGES = {
  bad_request: {
    vi: 'Thông tin gửi lên không hợp lệ. Vui lòng kiểm tra và nhập lại.',
    en: 'The information sent is not valid. Please check it and try again.',
  },
  text_not_allowed: {
    vi: 'Tên hoặc nội dung nhập có ký tự không hợp lệ (ký tự điều khiển, ký tự ẩn hoặc đổi chiều chữ). Vui lòng nhập lại.',
    en: 'The name or text contains characters that are not allowed (control, invisible or direction characters). Please type it again.',
  },
  not_found: {
    vi: 'Không tìm thấy nội dung yêu cầu.',
    en: 'Nothing was found here.',
  },
  not_allowed: {
    vi: 'Thao tác này không thực hiện được ở trạng thái hiện tại.',
    en: 'This action is not possible in the current state.',
  },
  door_busy: {
    vi: 'Ngăn tủ đang có thao tác chưa hoàn tất. Vui lòng thử lại sau.',
    en: 'The locker has an operation in progress. Please try again shortly.',
  },
  rate_limited: {
    vi: 'Có quá nhiều yêu cầu. Vui lòng chờ một phút rồi thử lại.',
    en: 'Too many requests. Please wait a minute and try again.',
  },
  opens_capped: {
    vi: 'Tủ đã mở quá nhiều cửa trong một phút. Vui lòng chờ một lát rồi thử lại.',
    en: 'The kiosk has opened too many doors this minute. Please wait a moment and try again.',
  },
  unauthenticated: {
    vi: 'Vui lòng đăng nhập.',
    en: 'Please sign in.',
  },
  session_expired: {
    vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please sign in again.',
  },
  forbidden: {
    vi: 'Tài khoản không có quyền thực hiện thao tác này.',
    en: 'This account may not do this.',
  },
  bad_login: {
    vi: 'Mã nhân viên hoặc mã PIN không đúng, hoặc tài khoản đang tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'The staff id or PIN is not correct, or the account is paused after wrong PINs. Please try again in a few minutes.',
  },
  presence_code_wrong: {
    vi: 'Mã tại chỗ không đúng hoặc đã hết hạn. Xem mã mới trên màn hình của tủ.',
    en: 'The on-site code is wrong or has expired. Read the current one on the kiosk screen.',
  },
  kiosk_only: {
    vi: 'Chức năng này chỉ dùng tại màn hình của tủ.',
    en: 'This is available only on the kiosk screen.',
  },
  pickup_not_done: {
    vi: 'Chỉ đánh giá được sau khi đã nhận kết quả.',
    en: 'A rating is possible only after the result has been collected.',
  },
  not_simulated: {
    vi: 'Dãy tủ hoặc ngăn tủ này không có trong bộ mô phỏng.',
    en: 'This bank or door is not part of the simulator.',
  },
  simulator_off: {
    vi: 'Bộ mô phỏng phần cứng không chạy.',
    en: 'The hardware simulator is not running.',
  },
  backup_unavailable: {
    vi: 'Chưa cấu hình nơi lưu bản sao dữ liệu.',
    en: 'No backup location is configured.',
  },
  commission_unsupported: {
    vi: 'Chưa có chức năng dò cấu hình cho loại bo mạch của dãy tủ này (chỉ có cho bo Kerong CU16).',
    en: "The commissioning probe is not available for this bank's boards (Kerong CU16 only so far).",
  },
  commission_doors_open: {
    vi: 'Có cửa đang mở trong dãy tủ này. Đóng tất cả các cửa rồi dò lại.',
    en: 'A door of this bank is open. Shut every door, then probe again.',
  },
  commission_doors_loaded: {
    vi: 'Có hồ sơ hoặc kết quả đang nằm trong một ô của dãy tủ này. Chỉ dò khi mọi ô đều trống.',
    en: 'A dossier or result is in a door of this bank. Probe only when every door is empty.',
  },
  commission_opens_running: {
    vi: 'Có lệnh mở cửa đang thực hiện trong dãy tủ này. Chờ hoàn tất rồi dò lại.',
    en: 'A door of this bank is being opened. Wait until it is done, then probe again.',
  },
  commission_running: {
    vi: 'Dãy tủ này đang được dò. Chờ kết quả.',
    en: 'This bank is being probed already. Wait for the result.',
  },
  commission_failed: {
    vi: 'Không mở được đường truyền tới dãy tủ để dò. Kiểm tra cáp và cổng kết nối.',
    en: "The bank's bus could not be opened for the probe. Check the cable and the port.",
  },
  internal: {
    vi: 'Máy gặp lỗi. Vui lòng thử lại hoặc liên hệ bộ phận một cửa.',
    en: 'Something went wrong. Please try again or contact the counter.',
  },
} as const satisfies Record<string, BilingualMessage>;

export type KioskRefusalCode = keyof typeof KIOSK_MESSAGES;
/** Every code a person or a screen can be refused with. */
export type RefusalCode = KioskRefusalCode | DomainErrorCode;

export function messageFor(code: RefusalCode): BilingualMessage {
  if (code in KIOSK_MESSAGES) return KIOSK_MESSAGES[code as KioskRefusalCode];
  return DOMAIN_MESSAGES[code as DomainErrorCode];
}

/**
 * A refusal raised by a kiosk service (or the HTTP shell): a stable code, and ids only in the
 * detail, for the log. The front end decides how to show it (an HTTP status, a screen event).
 */
export class KioskRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail?: Readonly<Record<string, string | number>>,
  ) {
    super(messageFor(code).en);
    this.name = 'KioskRefusal';
  }
}

/** A ledger error's code (staff and technician refusals) becomes the refusal of the same meaning. */
const LEDGER_AS_REFUSAL: Record<LedgerErrorCode, KioskRefusalCode> = {
  not_found: 'not_found',
  not_allowed: 'not_allowed',
  door_busy: 'door_busy',
  bad_input: 'bad_request',
};

/**
 * The refusal an error thrown by a service stands for (its own, the domain's or the ledger's),
 * with its detail of ids; null for anything else (a fault, not a refusal).
 */
export function refusalOf(
  error: unknown,
): { code: RefusalCode; detail?: Readonly<Record<string, string | number>> } | null {
  if (error instanceof KioskRefusal || isDomainError(error)) {
    return error.detail ? { code: error.code, detail: error.detail } : { code: error.code };
  }
  if (error instanceof LedgerError) {
    const code = LEDGER_AS_REFUSAL[error.code];
    return error.detail ? { code, detail: error.detail } : { code };
  }
  return null;
}
