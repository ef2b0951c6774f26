import { type BilingualMessage, DOMAIN_MESSAGES, type DomainErrorCode } from '../domain/errors';
import type { LedgerErrorCode } from '../ledger';

/**
 * Refusals that come from the HTTP shell itself (sessions, roles, caps, validation), with the
 * same bilingual shape as the domain's. Codes are stable: screens and scripts branch on them.
 */
export const HTTP_MESSAGES = {
  bad_request: {
    vi: 'Thông tin gửi lên không hợp lệ. Vui lòng kiểm tra và nhập lại.',
    en: 'The information sent is not valid. Please check it and try again.',
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
    vi: 'Mã nhân viên hoặc mã PIN không đúng.',
    en: 'The staff id or PIN is not correct.',
  },
  login_locked: {
    vi: 'Tài khoản tạm khóa do nhập sai mã PIN nhiều lần. Vui lòng thử lại sau.',
    en: 'This account is locked after too many wrong PINs. Please try again later.',
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
  simulator_off: {
    vi: 'Bộ mô phỏng phần cứng không chạy.',
    en: 'The hardware simulator is not running.',
  },
  backup_unavailable: {
    vi: 'Chưa cấu hình nơi lưu bản sao dữ liệu.',
    en: 'No backup location is configured.',
  },
  internal: {
    vi: 'Máy gặp lỗi. Vui lòng thử lại hoặc liên hệ bộ phận một cửa.',
    en: 'Something went wrong. Please try again or contact the counter.',
  },
} as const satisfies Record<string, BilingualMessage>;

export type HttpErrorCode = keyof typeof HTTP_MESSAGES;
export type ErrorCode = HttpErrorCode | DomainErrorCode;

const HTTP_STATUS: Record<HttpErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  not_allowed: 409,
  door_busy: 409,
  rate_limited: 429,
  opens_capped: 429,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  bad_login: 401,
  login_locked: 423,
  presence_code_wrong: 403,
  kiosk_only: 403,
  pickup_not_done: 409,
  simulator_off: 404,
  backup_unavailable: 503,
  internal: 500,
};

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  wrong_code: 403,
  wrong_second_factor: 403,
  dossier_locked: 423,
  kiosk_attempts_capped: 429,
  unknown_receipt: 404,
  receipt_mistyped: 400,
  garbled_scan: 400,
  not_our_qr: 400,
  no_free_door: 409,
  door_jammed: 409,
  door_refused: 409,
  link_down: 503,
  kiosk_maintenance: 503,
  not_ready_yet: 409,
  already_picked_up: 409,
  result_reclaimed: 409,
  dossier_cancelled: 409,
  under_inspection: 409,
  second_factor_required: 403,
  action_not_allowed: 409,
};

/** A ledger error's code (staff and technician refusals) becomes the HTTP code of the same meaning. */
export const LEDGER_AS_HTTP: Record<LedgerErrorCode, HttpErrorCode> = {
  not_found: 'not_found',
  not_allowed: 'not_allowed',
  door_busy: 'door_busy',
  bad_input: 'bad_request',
};

export function messageFor(code: ErrorCode): BilingualMessage {
  if (code in HTTP_MESSAGES) return HTTP_MESSAGES[code as HttpErrorCode];
  return DOMAIN_MESSAGES[code as DomainErrorCode];
}

export function statusFor(code: ErrorCode): number {
  if (code in HTTP_STATUS) return HTTP_STATUS[code as HttpErrorCode];
  return DOMAIN_STATUS[code as DomainErrorCode];
}

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: { code: ErrorCode; message: BilingualMessage };
}

export function errorBody(code: ErrorCode): ErrorBody {
  const m = messageFor(code);
  return { error: { code, message: { vi: m.vi, en: m.en } } };
}

/** A refusal raised by the HTTP shell; the error handler turns it into an ErrorBody. */
export class HttpRefusal extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    /** Ids only, for the log. */
    readonly detail?: Readonly<Record<string, string | number>>,
  ) {
    super(messageFor(code).en);
    this.name = 'HttpRefusal';
    this.statusCode = statusFor(code);
  }
}
