// @ts-check
import { dateTime } from '../shared/dates.js';
import { h, labelled, listTable } from '../shared/dom.js';
import { say, submitter } from '../shared/notice.js';
import { stateName } from '../staff/strings.js';
import { card } from './card.js';

/** @typedef {{ api: import('../shared/api.js').Api, i18n: import('../shared/i18n.js').I18n }} Tools */
/** @typedef {import('../shared/api-types.js').InspectionList['items'][number]} Inspection */
/** @typedef {import('../shared/api-types.js').IncidentList['incidents'][number]} Incident */

/**
 * Links and boards, maintenance mode and backup, side by side at the top of the console.
 * @param {Tools & { links: import('../shared/api-types.js').LinkHealthReply | null, maintenance: boolean | null, onChanged: () => void }} p
 */
export function healthCard({ api, i18n, links, maintenance, onChanged }) {
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status', id: 'tools-notice' });
  const chips = [];
  for (const b of links?.banks ?? []) {
    chips.push(
      h(
        'li',
        { class: `chip ${b.state === 'ready' ? 'good' : 'bad'}`, 'data-bank': b.bank },
        `${t('bank', { bank: b.bank })} — ${t('linkState', { state: i18n.tOr(`link_${b.state}`, b.state) })}`,
      ),
    );
    for (const board of b.boards) chips.push(h('li', { class: 'chip' }, t('boardsSeen', board)));
  }
  for (const m of links?.missingBoards ?? []) chips.push(h('li', { class: 'chip bad' }, t('missing', m)));

  async function toggleMaintenance() {
    try {
      await api.put('/tech/maintenance', { body: { on: !maintenance } });
      onChanged();
    } catch (error) {
      say(notice, i18n, error);
    }
  }
  async function backup() {
    try {
      const b = await api.post('/tech/backup');
      say(notice, i18n, t('backupDone', { file: b.file, bytes: b.bytes }));
    } catch (error) {
      say(notice, i18n, error);
    }
  }
  return card(
    { headingId: 'health-h', title: t('health') },
    h('ul', { class: 'chips', id: 'links' }, chips),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'maintenance',
          class: maintenance ? 'danger' : 'secondary',
          'aria-pressed': String(Boolean(maintenance)),
          onclick: toggleMaintenance,
        },
        maintenance ? t('maintenanceOn') : t('maintenanceOff'),
      ),
      h('button', { type: 'button', id: 'backup', class: 'secondary', onclick: backup }, t('backup')),
    ),
    notice,
  );
}

/**
 * Dossiers the machine lost track of: the technician looks in the door and records what is there.
 * @param {Tools & { items: Inspection[], onChanged: () => void }} p
 */
export function inspectionsCard({ api, i18n, items, onChanged }) {
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status' });
  /** @param {Inspection} it @param {string} found */
  const settle = async (it, found) => {
    try {
      await api.post('/tech/dossiers/:dossierId/settle', { params: it, body: { found } });
      say(notice, i18n, t('settled'));
      onChanged();
    } catch (error) {
      say(notice, i18n, error);
    }
  };
  return card(
    { headingId: 'insp-h', title: t('inspections'), attrs: { id: 'inspections' } },
    listTable(items, t('noInspections'), [t('receipt'), t('door', { door: '' }), t('state'), ''], (it) => ({
      cells: [
        it.receiptNo,
        it.doorPosition ?? '—',
        stateName(i18n, it.inspectedFrom ?? it.state),
        h(
          'div',
          { class: 'settle' },
          it.settleTo.map((/** @type {string} */ s) =>
            h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => settle(it, s) },
              i18n.tOr(`found_${s}`, t('found', { state: s })),
            ),
          ),
        ),
      ],
    })),
    notice,
  );
}

/**
 * @param {Tools & { incidents: Incident[], doorOf: (lockerId: number | null) => string }} p
 */
export function incidentsCard({ i18n, incidents, doorOf }) {
  const { t } = i18n;
  return card(
    { headingId: 'inc-h', title: t('incidents'), attrs: { id: 'incidents' } },
    listTable(incidents, t('noIncidents'), [t('when'), t('kind'), t('doorColumn')], (i) => ({
      cells: [
        dateTime(i.openedAt),
        h('td', { 'data-kind': i.kind }, i18n.tOr(`incident_${i.kind}`, i.kind)),
        doorOf(i.lockerId),
      ],
    })),
  );
}

/**
 * Several doors at once, only with the code the kiosk screen shows to whoever stands there.
 * @param {Tools & { lockers: import('./bank.js').LockerView[], onChanged: () => void }} p
 */
export function bulkOpenCard({ api, i18n, lockers, onChanged }) {
  const { t } = i18n;
  const notice = h('div', { class: 'notice', role: 'status', id: 'bulk-notice' });
  const code = /** @type {HTMLInputElement} */ (
    h('input', { id: 'bulk-code', inputmode: 'numeric', maxlength: 12, autocomplete: 'off' })
  );
  const reason = /** @type {HTMLInputElement} */ (
    h('input', { id: 'bulk-reason', maxlength: 200, autocomplete: 'off' })
  );
  const boxes = lockers.map(
    (l) =>
      /** @type {HTMLInputElement} */ (
        h('input', { type: 'checkbox', value: l.lockerId, id: `bulk-${l.lockerId}` })
      ),
  );
  return h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'bulk-h',
      onsubmit: submitter(notice, i18n, async () => {
        const lockerIds = boxes.filter((b) => b.checked).map((b) => Number(b.value));
        if (!reason.value.trim() || lockerIds.length === 0 || !code.value.trim()) {
          throw new Error(t('reasonNeeded'));
        }
        const { results } = await api.post('/tech/lockers/bulk-open', {
          body: { presenceCode: code.value.trim(), reason: reason.value.trim(), lockerIds },
        });
        say(
          notice,
          i18n,
          results
            .map((r) => t('bulkResult', { door: r.door, result: r.ok ? t('ok') : (r.error ?? '') }))
            .join(' · '),
        );
        onChanged();
      }),
    },
    h('h2', { id: 'bulk-h' }, t('bulk')),
    h('div', { class: 'row' }, labelled(t('presenceCode'), code), labelled(t('reason'), reason)),
    h(
      'fieldset',
      { class: 'checks' },
      h('legend', {}, t('doors')),
      lockers.map((l, i) => h('label', { for: `bulk-${l.lockerId}` }, boxes[i], String(l.door))),
    ),
    h('button', { type: 'submit', id: 'bulk-submit' }, t('bulkOpen')),
    notice,
  );
}
