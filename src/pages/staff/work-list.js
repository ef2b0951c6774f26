// @ts-check
import { h, listTable } from '../shared/dom.js';
import { say } from '../shared/notice.js';

/** @typedef {import('../shared/api-types.js').WorkItem} WorkItem */

/**
 * A list of dossiers in their doors (deposited ones to collect, results left uncollected): a
 * row each, the door, the receipt and the procedure first, then the view's own columns (keys of
 * their headings in `columns`, their cells from `cells`). `refresh` reads it again; a failed read
 * is said in the view's notice and leaves the list as it was.
 * @param {import('./main.js').StaffContext} ctx
 * @param {{ id: string, read: () => Promise<{ items: WorkItem[] }>, empty: string, columns: string[],
 *   cells: (item: WorkItem) => import('../shared/dom.js').Child[], notice: HTMLElement }} list
 *   `empty`: the key of the line shown when there is none
 */
export function workList(ctx, { id, read, empty, columns, cells, notice }) {
  const { i18n } = ctx;
  const { t } = i18n;
  const element = h('div', { id });
  async function refresh() {
    try {
      const { items } = await read();
      element.replaceChildren(
        listTable(
          items,
          t(empty),
          [t('door'), t('receipt'), t('procedure'), ...columns.map((key) => t(key))],
          (it) => ({
            attrs: { 'data-dossier': it.dossierId },
            cells: [
              h('span', { class: 'door-badge' }, it.doorPosition ?? '—'),
              it.receiptNo,
              ctx.procedureName(it.procedureCode),
              ...cells(it),
            ],
          }),
        ),
      );
    } catch (error) {
      say(notice, i18n, error);
    }
  }
  return { element, refresh };
}
