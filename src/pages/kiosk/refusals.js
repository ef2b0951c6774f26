// @ts-check
/**
 * A refusal from the API in plain words with what to do next. The API's own bilingual message
 * is used when it came; codes only the screen can meet (no network, the screen's own checks)
 * have their text here. Never a raw code or status on screen.
 */

/** @typedef {import('../shared/i18n.js').Bilingual} Bilingual */

/** @type {Record<string, Bilingual>} */
const SCREEN_REFUSALS = {
  network: {
    vi: 'Màn hình không liên lạc được với máy. Vui lòng thử lại sau ít phút.',
    en: 'The screen cannot reach the kiosk. Please try again in a few minutes.',
  },
  rate_limited: {
    vi: 'Quý khách thao tác quá nhanh. Vui lòng chờ một phút rồi thử lại.',
    en: 'Too many tries at once. Please wait a minute and try again.',
  },
  bad_request: {
    vi: 'Thông tin chưa đúng. Vui lòng kiểm tra và nhập lại.',
    en: 'Something entered is not right. Please check it and try again.',
  },
  internal: {
    vi: 'Máy gặp sự cố. Vui lòng thử lại hoặc liên hệ bộ phận một cửa.',
    en: 'The kiosk had a problem. Please try again or ask at the one-stop counter.',
  },
};

const FALLBACK = /** @type {Bilingual} */ (SCREEN_REFUSALS.internal);

/**
 * @param {{ code: string, text: Bilingual | null }} refusal an ApiError, or a refusal the feed told
 * @returns {Bilingual}
 */
export function refusalText(refusal) {
  const own = SCREEN_REFUSALS[refusal.code];
  if (refusal.code === 'network' || refusal.code === 'rate_limited' || refusal.code === 'bad_request') {
    return /** @type {Bilingual} */ (own);
  }
  if (refusal.text) return refusal.text;
  return own ?? FALLBACK;
}

/** Refusals after which the citizen may simply try again on the same screen. */
export const RETRY_HERE = new Set(['wrong_code', 'wrong_second_factor', 'receipt_mistyped', 'bad_request']);
