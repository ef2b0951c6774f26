// @ts-check
/**
 * The pages' DOM helpers (no framework: the pages are served as they are). Every page, the kiosk
 * and the office consoles alike, builds its elements with this one h().
 */

/**
 * A child of h(): text, a node, nothing (null, undefined, false), or a list of them, nested.
 * @typedef {string | number | Node | null | undefined | false | ChildList} Child
 * @typedef {readonly Child[]} ChildList
 */
/**
 * Attributes: a name starting with "on" and a function is a listener; `true` sets a boolean
 * attribute; `false`, null and undefined leave the attribute out.
 * @typedef {Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>} Attrs
 */

/**
 * Creates an element with its attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {readonly Child[]} children
 */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces everything inside `parent` with `children`.
 * @param {Element} parent
 * @param {...Child} children
 */
export function mount(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** The element with this id, or a thrown error naming it (a page that lost one is broken). */
export function byId(/** @type {string} */ id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

/**
 * A table: a header row of headings, then one row per item with the cells the caller builds (one
 * content each; a cell the caller built as a td, for attributes of its own, stands as it is).
 * @param {string[]} headings
 * @param {{ attrs?: Attrs, cells: Child[] }[]} rows
 */
export function dataTable(headings, rows) {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...headings.map((text) => h('th', {}, text)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          row.attrs,
          ...row.cells.map((cell) => (cell instanceof HTMLTableCellElement ? cell : h('td', {}, cell))),
        ),
      ),
    ),
  );
}

/**
 * A form control under its label, the label tied to the control by the control's own id.
 * @param {string} label
 * @param {HTMLElement} control
 */
export function labelled(label, control) {
  return h('div', {}, h('label', { for: control.id }, label), control);
}

/**
 * A list as a table (see dataTable), a row an item, or the line saying it is empty.
 * @template T
 * @param {readonly T[]} items
 * @param {string} empty the line shown when there is no item
 * @param {string[]} headings
 * @param {(item: T) => { attrs?: Attrs, cells: Child[] }} row
 */
export function listTable(items, empty, headings, row) {
  return items.length === 0 ? h('p', { class: 'empty' }, empty) : dataTable(headings, items.map(row));
}
