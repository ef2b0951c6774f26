// @ts-check
import { h, mount } from '../shared/dom.js';
import { say } from '../shared/notice.js';
import { card } from './card.js';

/** @typedef {import('../shared/api-types.js').CommissionReply} CommissionReply */
/** @typedef {{ api: import('../shared/api.js').Api, i18n: import('../shared/i18n.js').I18n }} Tools */

/** The last answer, kept so a language switch (which redraws the console) shows it again. */
/** @type {CommissionReply | null} */
let last = null;

/**
 * The commissioning probe of a bank: with every door shut and empty, the daemon reads each board
 * (status reads only, never an unlock) and says which hook and infrared polarity and byte layout
 * fit. The technician confirms the premise first; the daemon refuses while a door is in use.
 * @param {Tools & { banks: number[] }} p
 */
export function commissionCard({ api, i18n, banks }) {
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status', id: 'commission-notice' });
  const result = h('div', { id: 'commission-result', 'aria-live': 'polite' });
  const confirm = /** @type {HTMLInputElement} */ (
    h('input', { type: 'checkbox', id: 'commission-confirm' })
  );
  if (last) mount(result, resultPanel(i18n, last));

  /** @param {number} bank @param {HTMLButtonElement} button */
  async function probe(bank, button) {
    if (!confirm.checked) {
      say(notice, i18n, new Error(t('commissionConfirmFirst')));
      return;
    }
    button.disabled = true;
    say(notice, i18n, t('commissionRunning', { bank }));
    try {
      last = await api.post('/tech/buses/:bank/commission', {
        params: { bank },
        body: { allShutAndEmpty: true },
      });
      say(notice, i18n, t('commissionDone', { bank }));
      mount(result, resultPanel(i18n, last));
    } catch (error) {
      say(notice, i18n, error);
    } finally {
      button.disabled = false;
    }
  }

  return card(
    { headingId: 'commission-h', title: t('commission'), attrs: { id: 'commission' } },
    h('p', {}, t('commissionHelp')),
    h('label', { for: 'commission-confirm', class: 'confirm' }, confirm, t('commissionConfirm')),
    h(
      'div',
      { class: 'row' },
      banks.map((bank) => {
        const button = /** @type {HTMLButtonElement} */ (
          h(
            'button',
            { type: 'button', class: 'secondary', id: `commission-${bank}` },
            t('commissionRun', { bank }),
          )
        );
        button.addEventListener('click', () => probe(bank, button));
        return button;
      }),
    ),
    notice,
    result,
  );
}

/**
 * @param {import('../shared/i18n.js').I18n} i18n
 * @param {CommissionReply} r
 */
function resultPanel(i18n, r) {
  const { t } = i18n;
  const fit = r.fit;
  const bit = (/** @type {boolean} */ high) => (high ? '1' : '0');
  const lines = [
    h(
      'li',
      { id: 'commission-confidence', 'data-confidence': r.confidence },
      t(`confidence_${r.confidence}`),
    ),
  ];
  if (fit) {
    lines.push(
      h('li', { id: 'commission-hook' }, t('fitHook', { bit: bit(fit.hookActiveHigh) })),
      h('li', {}, t('fitInfrared', { bit: bit(fit.infraredActiveHigh) })),
      h(
        'li',
        { id: 'commission-layout' },
        t(fit.layout === 'usual' ? 'layoutUsual' : 'layoutSwapped'),
        ` · ${t(fit.bitOrder === 'lsb-first' ? 'bitsLsb' : 'bitsMsb')}`,
        fit.layoutUndecided ? ` · ${t('layoutUndecided')}` : '',
      ),
      h('li', {}, t('fitting', { fitting: fit.fitting, total: fit.total })),
    );
  }
  if (r.linkReadAllOpen) lines.push(h('li', {}, t('linkReadAllOpen')));
  const boards = r.boards.map((b) =>
    h(
      'li',
      { 'data-board': b.board, class: b.answered ? '' : 'bad' },
      b.answered
        ? t('boardAnswered', {
            board: b.board,
            cmd: `0x${(b.replyCommand ?? 0).toString(16)}`,
            data: b.data ?? '',
          })
        : t('boardSilent', { board: b.board }),
      b.misfits.length > 0
        ? h(
            'ul',
            {},
            b.misfits.map((m) =>
              h(
                'li',
                {},
                t('misfit', {
                  door: m.door ?? '—',
                  channel: m.channel,
                  what: [m.open ? t('misfitOpen') : '', m.loaded ? t('misfitLoaded') : '']
                    .filter(Boolean)
                    .join(', '),
                }),
              ),
            ),
          )
        : '',
    ),
  );
  return h(
    'div',
    { class: 'commission-result' },
    h('h3', {}, t('commissionResult', { bank: r.bank })),
    h('ul', {}, lines),
    r.overrides
      ? h(
          'p',
          {},
          t('overrides'),
          ' ',
          h('code', { id: 'commission-overrides' }, JSON.stringify(r.overrides)),
        )
      : h('p', {}, t('noOverrides')),
    h('h3', {}, t('boardNotes')),
    h('ul', { id: 'commission-boards' }, boards),
  );
}
