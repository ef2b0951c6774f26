// @ts-check
import { h } from '../shared/dom.js';

/**
 * A view of the staff console: a section labelled by its heading (id `${id}-h`, the text of the
 * key `title`), with a "refresh" button beside the heading when the view reads a list.
 * @param {import('../shared/i18n.js').I18n} i18n
 * @param {{ id: string, title: string, refresh?: () => void }} head
 * @param {...import('../shared/dom.js').Child} children
 */
export function staffView(i18n, { id, title, refresh }, ...children) {
  const heading = h('h2', { id: `${id}-h` }, i18n.t(title));
  return h(
    'section',
    { 'aria-labelledby': `${id}-h` },
    refresh
      ? h(
          'div',
          { class: 'row' },
          heading,
          h('button', { type: 'button', class: 'secondary', onclick: refresh }, i18n.t('refresh')),
        )
      : heading,
    ...children,
  );
}
