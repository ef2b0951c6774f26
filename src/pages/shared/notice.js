// @ts-check
import { ApiError } from './api.js';

/** What a console says when the daemon gave no words of its own (it could not be reached). */
export const CANNOT_REACH = {
  vi: 'Không kết nối được với máy. Kiểm tra mạng rồi thử lại.',
  en: 'Cannot reach the machine. Check the network and try again.',
};

/**
 * A refusal in the reader's language: the daemon's message, or CANNOT_REACH.
 * @param {import('./i18n.js').I18n} i18n
 * @param {ApiError} error
 */
export function refusalWords(i18n, error) {
  return i18n.pick(error.text ?? CANNOT_REACH);
}

/**
 * Writes a status line: a refusal in the reader's language (never a raw error), or good news.
 * @param {HTMLElement} el
 * @param {import('./i18n.js').I18n} i18n
 * @param {unknown} what an ApiError, an Error, or a text to show as success
 */
export function say(el, i18n, what) {
  el.classList.remove('error', 'ok');
  if (what instanceof ApiError) {
    el.classList.add('error');
    el.textContent = refusalWords(i18n, what);
  } else if (what instanceof Error) {
    el.classList.add('error');
    el.textContent = what.message;
  } else {
    el.classList.add('ok');
    el.textContent = String(what ?? '');
  }
}

/**
 * A form's submit handler: the page stays where it is, `work` runs, and a failure (a refusal, or
 * an Error thrown for input the form will not send) is said in `notice`.
 * @param {HTMLElement} notice
 * @param {import('./i18n.js').I18n} i18n
 * @param {() => Promise<void>} work
 * @returns {(e: Event) => Promise<void>}
 */
export function submitter(notice, i18n, work) {
  return async (e) => {
    e.preventDefault();
    try {
      await work();
    } catch (error) {
      say(notice, i18n, error);
    }
  };
}
