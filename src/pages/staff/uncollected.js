// @ts-check
import { dateTime } from '../shared/dates.js';
import { h } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { staffView } from './view.js';
import { workList } from './work-list.js';

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
  const { element: list, refresh } = workList(ctx, {
    id: 'uncollected',
    read: () => api.get('/staff/uncollected'),
    empty: 'noUncollected',
    columns: ['readyAt', 'action'],
    cells: (it) => [
      dateTime(it.readyAt),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => remind(it) }, t('remind')),
        h('button', { type: 'button', onclick: () => reclaim(it) }, t('reclaim')),
      ),
    ],
    notice,
  });

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
  return staffView(i18n, { id: 'uncollected', title: 'tabUncollected', refresh }, notice, list);
}
