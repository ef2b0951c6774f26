// @ts-check
import { dateTime } from '../shared/dates.js';
import { dataTable, h } from '../shared/dom.js';
import { say } from '../shared/notice.js';

/** @typedef {import('../shared/api-types.js').WorkItem} WorkItem */

/**
 * Results left past the reclaim delay: send the citizen a reminder, or open the door and take
 * the result back to the counter.
 * @param {import('./main.js').StaffContext} ctx
 */
export function uncollectedView(ctx) {
  const { api, i18n } = ctx;
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status', id: 'uncollected-notice' });
  const list = h('div', { id: 'uncollected' });

  async function refresh() {
    try {
      const { items } = await api.get('/staff/uncollected');
      list.replaceChildren(
        items.length === 0
          ? h('p', { class: 'empty' }, t('noUncollected'))
          : dataTable(
              [t('door'), t('receipt'), t('procedure'), t('readyAt'), t('action')],
              items.map((it) => ({
                attrs: { 'data-dossier': it.dossierId },
                cells: [
                  h('span', { class: 'door-badge' }, it.doorPosition ?? '—'),
                  it.receiptNo,
                  ctx.procedureName(it.procedureCode),
                  dateTime(it.readyAt),
                  h(
                    'div',
                    { class: 'row' },
                    h(
                      'button',
                      { type: 'button', class: 'secondary', onclick: () => remind(it) },
                      t('remind'),
                    ),
                    h('button', { type: 'button', onclick: () => reclaim(it) }, t('reclaim')),
                  ),
                ],
              })),
            ),
      );
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  /** @param {WorkItem} it */
  async function remind(it) {
    try {
      await api.post('/staff/dossiers/:dossierId/remind', { params: it });
      say(notice, i18n, t('reminded', { receipt: it.receiptNo }));
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  /** @param {WorkItem} it */
  async function reclaim(it) {
    try {
      const opened = await api.post('/staff/dossiers/:dossierId/reclaim', { params: it });
      say(notice, i18n, t('reclaimOpen', { door: opened.door }));
      await refresh();
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  refresh();
  return h(
    'section',
    { 'aria-labelledby': 'uncollected-h' },
    h(
      'div',
      { class: 'row' },
      h('h2', { id: 'uncollected-h' }, t('tabUncollected')),
      h('button', { type: 'button', class: 'secondary', onclick: refresh }, t('refresh')),
    ),
    notice,
    list,
  );
}
