// @ts-check
import { dateTime, dayOf } from '../shared/dates.js';
import { h } from '../shared/dom.js';
import { say, submitter } from '../shared/notice.js';
import { staffView } from './view.js';
import { workList } from './work-list.js';

/** @typedef {import('../shared/api-types.js').WorkItem} WorkItem */

/**
 * Deposited dossiers, opened one door at a time: open, take the dossier, close the door, then
 * record the one-stop software's code for it.
 * @param {import('./main.js').StaffContext} ctx
 */
export function collectView(ctx) {
  const { api, i18n } = ctx;
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status', id: 'collect-notice' });
  const step = h('div', { id: 'collect-step' });
  const { element: list, refresh } = workList(ctx, {
    id: 'deposited',
    read: () => api.get('/staff/deposited'),
    empty: 'noDeposited',
    columns: ['depositedAt', 'appointment', 'action'],
    cells: (it) => [
      dateTime(it.depositedAt),
      dayOf(it.appointmentDate),
      h(
        'button',
        { type: 'button', class: 'open-door', onclick: () => open(it) },
        t('openDoor', { door: it.doorPosition ?? '?' }),
      ),
    ],
    notice,
  });

  /** @param {WorkItem} item */
  async function open(item) {
    say(notice, i18n, '');
    for (const b of list.querySelectorAll('button')) /** @type {HTMLButtonElement} */ (b).disabled = true;
    try {
      const opened = await api.post('/staff/dossiers/:dossierId/collect', { params: item });
      showStep(item, opened.door);
    } catch (error) {
      say(notice, i18n, error);
      await refresh();
    }
  }

  /**
   * @param {WorkItem} item
   * @param {number} door
   */
  function showStep(item, door) {
    const closed = h('p', { class: 'notice', role: 'status', id: 'collect-door-state' });
    let shut = false;
    const doorShut = () => {
      if (shut) return;
      shut = true;
      say(closed, i18n, t('doorClosed', { door }));
      code.focus();
    };
    const offEvents = ctx.doorEvents((e) => {
      if (e.lockerId === item.lockerId && e.change === 'closed') doorShut();
    });
    // The live feed may be off (an office computer) or reconnecting: the dossier's own state
    // says the door shut too (it reaches the counter when its door closes).
    const poll = setInterval(async () => {
      if (shut || !form.isConnected) return clearInterval(poll);
      try {
        const found = await api.get('/staff/dossiers/find', { query: { q: item.receiptNo } });
        if (found.state === 'at_counter') doorShut();
      } catch {
        // Asked again at the next tick.
      }
    }, 2000);
    const off = () => {
      offEvents();
      clearInterval(poll);
    };
    const code = /** @type {HTMLInputElement} */ (
      h('input', { id: 'collect-code', required: true, maxlength: 64, autocomplete: 'off' })
    );
    const formNotice = h('p', { class: 'notice', role: 'alert' });
    const form = h(
      'form',
      {
        class: 'card',
        onsubmit: submitter(formNotice, i18n, async () => {
          await api.post('/staff/dossiers/:dossierId/collected', {
            params: item,
            body: { externalCode: code.value.trim() },
          });
          off();
          step.replaceChildren();
          say(notice, i18n, t('collected', { receipt: item.receiptNo, code: code.value.trim() }));
          await refresh();
        }),
      },
      h('div', { class: 'big-door', 'aria-hidden': 'true' }, door),
      h('p', { id: 'collect-instruction' }, t('collectOpen', { door })),
      h('p', {}, `${t('receipt')}: ${item.receiptNo} — ${ctx.procedureName(item.procedureCode)}`),
      closed,
      h('label', { for: 'collect-code' }, t('externalCode')),
      h('div', { class: 'row' }, code, h('button', { type: 'submit', id: 'collect-confirm' }, t('confirm'))),
    );
    form.append(formNotice);
    step.replaceChildren(form);
    code.focus();
  }

  refresh();
  return staffView(i18n, { id: 'collect', title: 'tabCollect', refresh }, notice, step, list);
}
