// @ts-check
import { dayOf } from '../shared/dates.js';
import { h } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { staffView } from './view.js';

/** @typedef {import('../shared/api-types.js').Figures} Figures */
/**
 * The figures a tile can show: the numbers of Figures.
 * @typedef {{ [K in keyof Figures]: Figures[K] extends number | null ? K : never }[keyof Figures]} FigureKey
 */

/** The figures shown as tiles, in reading order. */
export const FIGURE_TILES = /** @type {const} */ ([
  'received',
  'pickedUp',
  'onTimeRate',
  'late',
  'lateWithApology',
  'cancelled',
  'reclaimed',
  'ratingAverage',
  'ratings',
  'incidents',
]);

/**
 * @param {import('../shared/i18n.js').I18n} i18n
 * @param {Figures} f
 * @param {readonly FigureKey[]} [keys] which figures, in reading order
 */
export function figureTiles(i18n, f, keys = FIGURE_TILES) {
  const fmt = new Intl.NumberFormat(i18n.lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  /** @param {FigureKey} key */
  const value = (key) => {
    const v = f[key];
    if (v === null) return '—';
    if (key === 'onTimeRate' || key === 'doorOccupancy') return `${fmt.format(v * 100)} %`;
    if (key.startsWith('avgDays')) return i18n.t('daysValue', { n: fmt.format(v) });
    return fmt.format(v);
  };
  return h(
    'div',
    { class: 'tiles' },
    keys.map((key) =>
      h(
        'div',
        { class: 'tile', 'data-figure': key },
        h('div', { class: 'value' }, value(key)),
        h('div', { class: 'label' }, i18n.t(key)),
      ),
    ),
  );
}

/** @param {import('./main.js').StaffContext} ctx */
export function todayView(ctx) {
  const { api, i18n } = ctx;
  const notice = h('p', { class: 'notice', role: 'status' });
  const body = h('div', { id: 'today' });
  api
    .get('/staff/figures/today')
    .then((f) => body.replaceChildren(h('p', { class: 'muted' }, dayOf(f.from)), figureTiles(i18n, f)))
    .catch((/** @type {unknown} */ error) => say(notice, i18n, error));
  return staffView(i18n, { id: 'today', title: 'tabToday' }, notice, body);
}
