// @ts-check
import { dayOf } from '../shared/dates.js';
import { h } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { STATE_NAMES } from './strings.js';

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
        items.length === 0
          ? h('p', { class: 'empty' }, t('noLate'))
          : h(
              'table',
              {},
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', {}, t('receipt')),
                  h('th', {}, t('procedure')),
                  h('th', {}, t('appointment')),
                  h('th', {}, t('state')),
                  h('th', {}, t('apology')),
                ),
              ),
              h(
                'tbody',
                {},
                items.map((it) => {
                  const state = /** @type {Record<string, {vi: string, en: string}>} */ (STATE_NAMES)[
                    it.state
                  ];
                  return h(
                    'tr',
                    { 'data-dossier': it.dossierId },
                    h('td', {}, it.receiptNo),
                    h('td', {}, ctx.procedureName(it.procedureCode)),
                    h('td', {}, dayOf(it.appointmentDate)),
                    h('td', {}, state ? i18n.pick(state) : it.state),
                    h(
                      'td',
                      {},
                      h(
                        'button',
                        { type: 'button', class: 'secondary', onclick: () => show(it.dossierId) },
                        `${t('apology')} (${it.apologyAt ? t('apologySent') : t('apologyNone')})`,
                      ),
                    ),
                  );
                }),
              ),
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
  return h(
    'section',
    { 'aria-labelledby': 'late-h' },
    h('h2', { id: 'late-h' }, t('tabLate')),
    notice,
    letter,
    list,
  );
}
