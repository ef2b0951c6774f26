// @ts-check
import { dateTime } from '../shared/dates.js';
import { h, listTable } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { OPERATION_WORDS } from './strings.js';

/** @param {import('../shared/i18n.js').I18n} i18n @param {string} code */
const word = (i18n, code) => {
  const w = /** @type {Record<string, {vi: string, en: string}>} */ (OPERATION_WORDS)[code];
  return w ? i18n.pick(w) : code;
};

/**
 * One door: what it is, its history, open it with a reason, take it out of service or back.
 * @param {{ api: import('../shared/api.js').Api, i18n: import('../shared/i18n.js').I18n,
 *   locker: import('./bank.js').LockerView, state: string, onChanged: () => void, onClose: () => void }} p
 */
export function doorPanel({ api, i18n, locker: l, state, onChanged, onClose }) {
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status', id: 'door-notice' });
  const history = h('div', { id: 'door-history' });
  const reason = /** @type {HTMLInputElement} */ (
    h('input', { id: 'door-reason', maxlength: 200, autocomplete: 'off' })
  );

  const needReason = () => {
    if (reason.value.trim()) return reason.value.trim();
    say(notice, i18n, new Error(t('reasonNeeded')));
    reason.focus();
    return null;
  };

  async function open() {
    const why = needReason();
    if (!why) return;
    try {
      const r = await api.post('/tech/lockers/:lockerId/open', { params: l, body: { reason: why } });
      say(notice, i18n, t('opened', { door: r.door }));
    } catch (error) {
      say(notice, i18n, error);
    }
    // A refused open leaves a trace too (an incident, an operation in the history).
    onChanged();
    await loadHistory();
  }

  async function service() {
    const why = l.inService ? needReason() : null;
    if (l.inService && !why) return;
    const body = why ? { inService: false, reason: why } : { inService: true };
    try {
      await api.put('/tech/lockers/:lockerId/service', { params: l, body });
      say(notice, i18n, t('serviceDone', { door: l.door }));
      onChanged();
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  async function loadHistory() {
    try {
      const { operations } = await api.get('/tech/lockers/:lockerId/history', { params: l });
      // The reason column only when some operation carries one.
      const reasons = operations.some((o) => o.reason);
      history.replaceChildren(
        listTable(
          operations,
          t('noHistory'),
          [t('when'), t('purpose'), t('outcome'), ...(reasons ? [t('reason')] : []), t('actor')],
          (o) => ({
            cells: [
              dateTime(o.createdAt),
              word(i18n, o.purpose),
              word(i18n, o.outcome ?? o.state),
              ...(reasons ? [o.reason ?? ''] : []),
              o.actor,
            ],
          }),
        ),
      );
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  loadHistory();
  return h(
    'section',
    { class: 'card', id: 'door-panel', 'aria-labelledby': 'door-h', 'data-locker': l.lockerId },
    h(
      'div',
      { class: 'row' },
      h(
        'h2',
        { id: 'door-h' },
        t('doorDetail', { door: l.door, size: l.size, board: l.board, channel: l.channel }),
      ),
      h('button', { type: 'button', class: 'secondary', onclick: onClose }, t('close')),
    ),
    h(
      'p',
      { id: 'door-state' },
      `${t('state')}: ${i18n.tOr(state, state)}${l.outOfServiceReason ? ` — ${l.outOfServiceReason}` : ''}`,
    ),
    h('label', { for: 'door-reason' }, t('reason')),
    reason,
    h(
      'div',
      { class: 'row', style: undefined },
      h('button', { type: 'button', id: 'door-open', onclick: open }, t('openDoor')),
      h(
        'button',
        { type: 'button', id: 'door-service', class: l.inService ? 'danger' : 'secondary', onclick: service },
        l.inService ? t('takeOut') : t('putBack'),
      ),
    ),
    notice,
    h('h3', {}, t('history')),
    history,
  );
}
