// @ts-check
import { dayOf } from '../shared/dates.js';
import { h, listTable } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { stateName } from './strings.js';
import { staffView } from './view.js';

/**
 * Late dossiers and their apology letters, each letter printable on its own page.
 * @param {import('./main.js').StaffContext} ctx
 */
export function lateView(ctx) {
  const { api, i18n } = ctx;
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status' });
  const list = h('div', { id: 'late' });
  const letter = h('div', { class: 'print-letter', id: 'apology' });

  async function refresh() {
    try {
      const { items } = await api.get('/staff/late');
      list.replaceChildren(
        listTable(
          items,
          t('noLate'),
          [t('receipt'), t('procedure'), t('appointment'), t('state'), t('apology')],
          (it) => ({
            attrs: { 'data-dossier': it.dossierId },
            cells: [
              it.receiptNo,
              ctx.procedureName(it.procedureCode),
              dayOf(it.appointmentDate),
              stateName(i18n, it.state),
              h(
                'button',
                { type: 'button', class: 'secondary', onclick: () => show(it.dossierId) },
                `${t('apology')} (${it.apologyAt ? t('apologySent') : t('apologyNone')})`,
              ),
            ],
          }),
        ),
      );
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  /** @param {number} dossierId */
  async function show(dossierId) {
    try {
      const a = await api.get('/staff/late/:dossierId/apology', { params: { dossierId } });
      letter.replaceChildren(
        h(
          'div',
          { class: 'card' },
          h('h3', {}, `${t('apology')} — ${a.receiptNo}`),
          h('div', { class: 'letter', lang: i18n.lang, id: 'apology-text' }, i18n.pick(a.letter)),
          h(
            'div',
            { class: 'row no-print' },
            h('button', { type: 'button', id: 'apology-print', onclick: printLetter }, t('print')),
            h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => letter.replaceChildren() },
              t('close'),
            ),
          ),
        ),
      );
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  function printLetter() {
    document.body.classList.add('printing-letter');
    const done = () => {
      document.body.classList.remove('printing-letter');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  refresh();
  return staffView(i18n, { id: 'late', title: 'tabLate' }, notice, letter, list);
}
