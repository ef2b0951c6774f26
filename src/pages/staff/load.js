// @ts-check
import { ApiError } from '../shared/api.js';
import { h, labelled } from '../shared/dom.js';
import { say, submitter } from '../shared/notice.js';
import { stateName } from './strings.js';
import { staffView } from './view.js';

/** @typedef {import('../shared/api-types.js').WorkItem} WorkItem */

/**
 * Loading a result: find the dossier (a scanner types the receipt QR into the search field like
 * a keyboard), or register one filed online or at the counter, then open a door for it.
 * @param {import('./main.js').StaffContext} ctx
 */
export function loadView(ctx) {
  const { api, i18n } = ctx;
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status', id: 'load-notice' });
  const found = h('div', { id: 'load-found' });
  const q = /** @type {HTMLInputElement} */ (
    h('input', { id: 'load-q', type: 'search', maxlength: 256, autocomplete: 'off', required: true })
  );

  /** @param {WorkItem} item */
  function showItem(item) {
    found.replaceChildren(
      h(
        'div',
        { class: 'card', 'data-dossier': item.dossierId },
        h('p', {}, h('strong', {}, `${t('receipt')}: `), item.receiptNo),
        h('p', {}, h('strong', {}, `${t('procedure')}: `), ctx.procedureName(item.procedureCode)),
        h('p', {}, h('strong', {}, `${t('externalCode')}: `), item.externalCode ?? '—'),
        h('p', {}, h('strong', {}, `${t('state')}: `), stateName(i18n, item.state)),
        h('button', { type: 'button', id: 'load-open', onclick: () => open(item) }, t('loadDoor')),
      ),
    );
  }

  /** @param {WorkItem} item */
  async function open(item) {
    try {
      const opened = await api.post('/staff/dossiers/:dossierId/load', { params: item });
      found.replaceChildren(
        h(
          'div',
          { class: 'card', id: 'load-step' },
          h('div', { class: 'big-door', 'aria-hidden': 'true' }, opened.door),
          h('p', { id: 'load-instruction' }, t('loadOpen', { door: opened.door })),
        ),
      );
      say(notice, i18n, '');
      q.value = '';
      q.focus();
    } catch (error) {
      say(notice, i18n, error);
    }
  }

  const search = h(
    'form',
    {
      class: 'card',
      role: 'search',
      onsubmit: async (/** @type {Event} */ e) => {
        e.preventDefault();
        found.replaceChildren();
        try {
          showItem(await api.get('/staff/dossiers/find', { query: { q: q.value.trim() } }));
          say(notice, i18n, '');
        } catch (error) {
          say(
            notice,
            i18n,
            error instanceof ApiError && error.code === 'not_found' ? new Error(t('notFound')) : error,
          );
        }
      },
    },
    h('label', { for: 'load-q' }, t('searchLabel')),
    h('div', { class: 'row' }, q, h('button', { type: 'submit', id: 'load-search' }, t('search'))),
  );

  return staffView(
    i18n,
    { id: 'load', title: 'tabLoad' },
    search,
    notice,
    found,
    registerForm(ctx, showItem),
  );
}

/**
 * @param {import('./main.js').StaffContext} ctx
 * @param {(item: WorkItem) => void} onRegistered
 */
function registerForm(ctx, onRegistered) {
  const { api, i18n } = ctx;
  const { t } = i18n;
  const notice = h('p', { class: 'notice', role: 'status' });
  const procedure = /** @type {HTMLSelectElement} */ (h('select', { id: 'reg-procedure', required: true }));
  api
    .get('/procedures')
    .then((list) => {
      procedure.replaceChildren(
        ...list.procedures.map((p) =>
          h('option', { value: p.code }, `${p.code} — ${i18n.pick({ vi: p.nameVi, en: p.nameEn })}`),
        ),
      );
    })
    .catch((/** @type {unknown} */ error) => say(notice, i18n, error));
  const origin = /** @type {HTMLSelectElement} */ (
    h(
      'select',
      { id: 'reg-origin' },
      h('option', { value: 'online' }, t('originOnline')),
      h('option', { value: 'counter' }, t('originCounter')),
    )
  );
  const field = (/** @type {string} */ id, /** @type {Record<string, unknown>} */ attrs) =>
    /** @type {HTMLInputElement} */ (h('input', { id, required: true, autocomplete: 'off', ...attrs }));
  const code = field('reg-code', { maxlength: 64 });
  const name = field('reg-name', { maxlength: 200 });
  const phone = field('reg-phone', { type: 'tel', inputmode: 'tel', pattern: '\\+?[0-9 .\\-]{9,20}' });

  return h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'reg-h',
      onsubmit: submitter(notice, i18n, async () => {
        const item = await api.post('/staff/results', {
          body: {
            procedureCode: procedure.value,
            origin: /** @type {'online' | 'counter'} */ (origin.value),
            externalCode: code.value.trim(),
            name: name.value.trim(),
            phone: phone.value.trim(),
          },
        });
        say(notice, i18n, t('registered'));
        onRegistered(item);
        for (const f of [code, name, phone]) f.value = '';
      }),
    },
    h('h3', { id: 'reg-h' }, t('registerTitle')),
    h(
      'div',
      { class: 'row' },
      labelled(t('procedure'), procedure),
      labelled(t('origin'), origin),
      labelled(t('externalCode'), code),
    ),
    h(
      'div',
      { class: 'row' },
      labelled(t('name'), name),
      labelled(t('phone'), phone),
      h('button', { type: 'submit', id: 'reg-submit' }, t('register')),
    ),
    notice,
  );
}
