// @ts-check
import { ApiError } from './api.js';

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
    el.textContent = i18n.pick(what.text);
  } else if (what instanceof Error) {
    el.classList.add('error');
    el.textContent = what.message;
  } else {
    el.classList.add('ok');
    el.textContent = String(what ?? '');
  }
}
