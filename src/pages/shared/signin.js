// @ts-check
import { ApiError } from './api.js';
import { h } from './dom.js';
import { refusalWords } from './notice.js';

/** @typedef {keyof typeof SIGNIN_STRINGS} SignInKey */

/**
 * The sign-in card of the office consoles: account id, then the PIN on a number pad (a PIN is never typed where a
 * passer-by reads it off a keyboard's sound or a screen; the pad also works on a touch screen).
 * @param {{ api: import('./api.js').Api, i18n: import('./i18n.js').I18n<SignInKey>, roles: string[],
 *   onSignedIn: (role: string) => void }} opts
 */
export function signInCard({ api, i18n, roles, onSignedIn }) {
  const { t } = i18n;
  const message = h('p', { class: 'notice', role: 'alert', id: 'signin-message' });
  const id = h('input', {
    id: 'signin-id',
    name: 'account',
    autocomplete: 'username',
    required: true,
    spellcheck: 'false',
  });
  const pin = h('input', {
    id: 'signin-pin',
    name: 'pin',
    type: 'password',
    inputmode: 'numeric',
    autocomplete: 'current-password',
    maxlength: 12,
    required: true,
  });

  /** @param {string} d */
  const press = (d) => {
    if (pin.value.length < 12) pin.value += d;
    pin.focus();
  };
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  const pad = h(
    'div',
    { class: 'numpad', role: 'group', 'aria-label': t('pinPad') },
    digits.map((d) => h('button', { type: 'button', class: 'key', onclick: () => press(d) }, d)),
    h(
      'button',
      {
        type: 'button',
        class: 'key',
        'aria-label': t('erase'),
        onclick: () => {
          pin.value = pin.value.slice(0, -1);
        },
      },
      '⌫',
    ),
    h('button', { type: 'button', class: 'key', onclick: () => press('0') }, '0'),
    h('button', { type: 'submit', class: 'key key-ok', id: 'signin-submit' }, t('signIn')),
  );

  const form = h(
    'form',
    {
      class: 'card signin',
      onsubmit: async (/** @type {Event} */ e) => {
        e.preventDefault();
        message.textContent = '';
        message.classList.remove('error');
        try {
          const s = await api.signIn(id.value.trim(), pin.value);
          if (!roles.includes(s.role)) {
            await api.signOut();
            throw new ApiError(403, 'forbidden', {
              vi: 'Tài khoản này không dùng được trang này.',
              en: 'This account cannot use this page.',
            });
          }
          onSignedIn(s.role);
        } catch (error) {
          pin.value = '';
          message.classList.add('error');
          message.textContent =
            error instanceof ApiError
              ? // A paused or locked account answers as a wrong PIN does (issue 12): hint at both.
                error.code === 'bad_login'
                ? `${refusalWords(i18n, error)} ${t('signInHint')}`
                : refusalWords(i18n, error)
              : String(error);
        }
      },
    },
    h('h2', {}, t('signInTitle')),
    h('label', { for: 'signin-id' }, t('accountId')),
    id,
    h('label', { for: 'signin-pin' }, t('pin')),
    pin,
    pad,
    message,
  );
  queueMicrotask(() => id.focus());
  return form;
}

/** Strings the sign-in card needs; pages merge them into their own. */
export const SIGNIN_STRINGS = {
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  accountId: { vi: 'Mã tài khoản', en: 'Account id' },
  pin: { vi: 'Mã PIN', en: 'PIN' },
  pinPad: { vi: 'Bàn phím số nhập mã PIN', en: 'Number pad for the PIN' },
  erase: { vi: 'Xoá một số', en: 'Erase one digit' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  signInHint: {
    vi: 'Nếu đã quên mã PIN, hãy nhờ kỹ thuật viên hỗ trợ.',
    en: 'If you have forgotten the PIN, ask a technician.',
  },
  language: { vi: 'English', en: 'Tiếng Việt' },
  languageLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
};
