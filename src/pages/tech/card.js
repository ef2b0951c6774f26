// @ts-check
import { h } from '../shared/dom.js';

/**
 * A card of the technician console: a section labelled by its h2 heading, whose id is
 * `headingId`; `attrs`, the section's own further attributes (its id).
 * @param {{ headingId: string, title: string, attrs?: import('../shared/dom.js').Attrs }} head
 * @param {...import('../shared/dom.js').Child} children
 */
export function card({ headingId, title, attrs = {} }, ...children) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': headingId, ...attrs },
    h('h2', { id: headingId }, title),
    ...children,
  );
}
