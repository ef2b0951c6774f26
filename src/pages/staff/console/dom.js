// @ts-check
/** Small DOM helpers for the office consoles (staff, technician, simulator); no framework. */

/**
 * Builds an element. Attributes starting with "on" become listeners; `class`, `text` and
 * boolean attributes are handled; children may be strings, nodes, null or arrays of them.
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {unknown[]} children
 */
function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/**
 * A table of work items: a header row of headings, then one row per item with the cells the
 * caller builds (one content each).
 * @param {string[]} headings
 * @param {{ attrs: Record<string, any>, cells: any[] }[]} rows
 */
export function dataTable(headings, rows) {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...headings.map((text) => h('th', {}, text)))),
    h(
      'tbody',
      {},
      rows.map((row) => h('tr', row.attrs, ...row.cells.map((cell) => h('td', {}, cell)))),
    ),
  );
}

/**
 * Replaces an element's content.
 * @param {Element} el
 * @param {...(Node | string | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** @param {string} id */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

const TZ = 'Asia/Ho_Chi_Minh';

/**
 * Local date and time in the kiosk's time zone, e.g. "21/11/2026 13:05".
 * @param {number | null | undefined} ms
 */
export function dateTime(ms) {
  if (ms === null || ms === undefined) return '—';
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(ms));
}

/**
 * An ISO date (YYYY-MM-DD) as DD/MM/YYYY.
 * @param {string | null | undefined} iso
 */
export function dayOf(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The kiosk's local month, YYYY-MM. */
export function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );
  return parts.slice(0, 7);
}
