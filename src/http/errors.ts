import type { BilingualMessage, DomainErrorCode } from '../domain/errors';
import { KIOSK_MESSAGES, KioskRefusal, type KioskRefusalCode, messageFor, type RefusalCode } from '../kiosk';

/** The refusal codes and their bilingual messages live in the kiosk layer; HTTP adds statuses. */
export { KIOSK_MESSAGES as HTTP_MESSAGES, messageFor };

export type ErrorCode = RefusalCode;
type HttpErrorCode = KioskRefusalCode;

const HTTP_STATUS: Record<HttpErrorCode, number> = {
  bad_request: 400,
  text_not_allowed: 400,
  not_found: 404,
  not_allowed: 409,
  door_busy: 409,
  rate_limited: 429,
  opens_capped: 429,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  bad_login: 401,
  presence_code_wrong: 403,
  kiosk_only: 403,
  pickup_not_done: 409,
  simulator_off: 404,
  not_simulated: 404,
  backup_unavailable: 503,
  commission_unsupported: 422,
  commission_doors_open: 409,
  commission_doors_loaded: 409,
  commission_opens_running: 409,
  commission_running: 409,
  commission_failed: 503,
  internal: 500,
};

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  wrong_code: 403,
  wrong_second_factor: 403,
  dossier_locked: 423,
  kiosk_attempts_capped: 429,
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

/** A refusal raised by the HTTP shell itself (auth, rate limits); the error handler answers it. */
export class HttpRefusal extends KioskRefusal {
  readonly statusCode: number;
  constructor(code: ErrorCode, detail?: Readonly<Record<string, string | number>>) {
    super(code, detail);
    this.name = 'HttpRefusal';
    this.statusCode = statusFor(code);
  }
}
