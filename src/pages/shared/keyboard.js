// @ts-check
/**
 * The on-screen keyboard and number pad (the kiosk has no physical keyboard). Keys are large
 * buttons carrying data-key; the keyboard edits one value and reports each new value. Vietnamese
 * letters ă â ê ô ơ ư đ are keys of their own and the five tones apply to the word being typed.
 */
import { h } from './dom.js';
import { applyTone, TONES, toneSample } from './vietnamese.js';

/** @typedef {import('./vietnamese.js').Tone} Tone */
/** @typedef {import('./i18n.js').Lang} Lang */
/**
 * @typedef {object} KeyboardOptions
 * @property {'text' | 'digits'} layout
 * @property {string} value the starting value
 * @property {number} maxLength
 * @property {(value: string) => void} onChange
 * @property {Lang} lang key names for screen readers and the tone labels
 * @property {boolean} [capitalizeWords] the first letter of each word upper case (names)
 */

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VIET_ROW = ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'];
const DIGIT_ROWS = ['123', '456', '789'];

/** @type {Record<Tone, string>} */
const TONE_SHORT = { sac: 'sắc', huyen: 'huyền', hoi: 'hỏi', nga: 'ngã', nang: 'nặng' };
const LABELS = {
  backspace: { vi: 'Xóa', en: 'Delete' },
  space: { vi: 'Dấu cách', en: 'Space' },
};

/**
 * The value after one key: a letter (capitalised at a word start when asked), a tone, a space
 * (never two, never leading) or a deletion. Exported for tests of the typing rules.
 * @param {string} value
 * @param {string} key a letter or digit, 'space', 'backspace' or 'tone:<name>'
 * @param {{ maxLength: number, capitalizeWords?: boolean }} options
 */
export function typeKey(value, key, options) {
  if (key === 'backspace') return Array.from(value).slice(0, -1).join('');
  if (key.startsWith('tone:')) return applyTone(value, /** @type {Tone} */ (key.slice(5)));
  if (Array.from(value).length >= options.maxLength) return value;
  if (key === 'space') return value === '' || value.endsWith(' ') ? value : `${value} `;
  const wordStart = value === '' || value.endsWith(' ');
  const letter = options.capitalizeWords && wordStart ? key.toLocaleUpperCase('vi') : key;
  return (value + letter).normalize('NFC');
}

/**
 * @param {string} key
 * @param {string | Node[]} label
 * @param {string | null} name accessible name, when the label does not say it
 * @param {(key: string) => void} press
 * @param {string} [extraClass]
 */
function keyButton(key, label, name, press, extraClass = '') {
  return h(
    'button',
    {
      type: 'button',
      class: `key ${extraClass}`.trim(),
      'data-key': key,
      'aria-label': name ?? undefined,
      onclick: () => press(key),
    },
    ...(typeof label === 'string' ? [label] : label),
  );
}

/**
 * Draws a keyboard and returns its element; pressing keys calls onChange with the new value.
 * @param {KeyboardOptions} options
 */
export function createKeyboard(options) {
  let value = options.value;
  const lang = options.lang;
  /** @param {string} key */
  const press = (key) => {
    value = typeKey(value, key, options);
    options.onChange(value);
  };
  /** @param {string} ch */
  const letterKey = (ch) =>
    keyButton(ch, options.capitalizeWords ? ch.toLocaleUpperCase('vi') : ch, ch, press);
  const back = keyButton('backspace', '⌫', LABELS.backspace[lang], press, 'key-wide key-action');

  if (options.layout === 'digits') {
    return h(
      'div',
      { class: 'keyboard keypad', role: 'group', 'aria-label': lang === 'vi' ? 'Bàn phím số' : 'Number pad' },
      ...DIGIT_ROWS.map((row) => h('div', { class: 'key-row' }, ...Array.from(row).map(letterKey))),
      h('div', { class: 'key-row' }, h('span', { class: 'key-gap' }), letterKey('0'), back),
    );
  }
  return h(
    'div',
    { class: 'keyboard', role: 'group', 'aria-label': lang === 'vi' ? 'Bàn phím' : 'Keyboard' },
    ...LETTER_ROWS.map((row, i) =>
      h('div', { class: 'key-row' }, ...Array.from(row).map(letterKey), i === 2 ? back : null),
    ),
    h('div', { class: 'key-row key-row-viet' }, ...VIET_ROW.map(letterKey)),
    h(
      'div',
      { class: 'key-row key-row-tones' },
      ...TONES.map((tone) =>
        keyButton(
          `tone:${tone}`,
          [
            h('span', { class: 'tone-sample', 'aria-hidden': 'true' }, toneSample(tone)),
            h(
              'span',
              { class: 'tone-name' },
              h('span', { class: 'visually-hidden' }, lang === 'vi' ? 'Dấu ' : 'Tone '),
              TONE_SHORT[tone],
            ),
          ],
          null,
          press,
          'key-tone',
        ),
      ),
      keyButton('space', LABELS.space[lang], LABELS.space[lang], press, 'key-space'),
    ),
  );
}
