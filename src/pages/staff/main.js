// @ts-check

import { createApi } from '../shared/api.js';
import { consoleBar } from '../shared/console-bar.js';
import { byId, h, mount } from '../shared/dom.js';
import { liveFeed } from '../shared/events.js';
import { createI18n } from '../shared/i18n.js';
import { signInCard } from '../shared/signin.js';
import { collectView } from './collect.js';
import { lateView } from './late.js';
import { loadView } from './load.js';
import { reportsView } from './reports.js';
import { STRINGS } from './strings.js';
import { todayView } from './today.js';
import { uncollectedView } from './uncollected.js';

/** @typedef {import('../shared/api.js').Api} Api */
/** @typedef {import('../shared/i18n.js').I18n} I18n */
/**
 * What every view of the staff console is handed.
 * @typedef {{ api: Api, i18n: I18n, procedureName: (code: string) => string,
 *   doorEvents: (f: (e: { lockerId: number, change: string }) => void) => () => void }} StaffContext
 */

const api = createApi({ session: 'staff.session' });
const i18n = createI18n(STRINGS, { remember: 'console.lang' });
/** @type {Map<string, { nameVi: string, nameEn: string }>} */
const procedures = new Map();
/** @type {Set<(e: { lockerId: number, change: string }) => void>} */
const doorListeners = new Set();

/** @type {StaffContext} */
const ctx = {
  api,
  i18n,
  procedureName: (code) => {
    const p = procedures.get(code);
    return p ? i18n.pick({ vi: p.nameVi, en: p.nameEn }) : code;
  },
  doorEvents: (f) => {
    doorListeners.add(f);
    return () => doorListeners.delete(f);
  },
};

const TABS = /** @type {const} */ ([
  ['collect', 'tabCollect', collectView],
  ['load', 'tabLoad', loadView],
  ['uncollected', 'tabUncollected', uncollectedView],
  ['late', 'tabLate', lateView],
  ['today', 'tabToday', todayView],
  ['reports', 'tabReports', reportsView],
]);
let current = location.hash.slice(1) || 'collect';
let role = sessionStorage.getItem('staff.role') ?? '';

const drawBar = consoleBar({ api, i18n, render });

function render() {
  drawBar();
  const main = byId('main');
  const tabs = byId('tabs');
  tabs.setAttribute('aria-label', i18n.t('tabs'));
  if (!api.signedIn) {
    tabs.hidden = true;
    byId('who').textContent = '';
    mount(main, signInCard({ api, i18n, roles: ['staff', 'supervisor'], onSignedIn: signedIn }));
    return;
  }
  tabs.hidden = false;
  byId('who').textContent = role ? i18n.tOr(`role_${role}`, role) : '';
  if (!TABS.some(([id]) => id === current)) current = 'collect';
  mount(
    tabs,
    TABS.map(([id, label]) =>
      h(
        'button',
        {
          type: 'button',
          id: `tab-${id}`,
          'aria-current': id === current ? 'page' : undefined,
          onclick: () => {
            current = id;
            history.replaceState(null, '', `#${id}`);
            render();
          },
        },
        i18n.t(label),
      ),
    ),
  );
  const view = TABS.find(([id]) => id === current)?.[2] ?? collectView;
  mount(main, view(ctx));
}

/** @param {string} r */
async function signedIn(r) {
  role = r;
  sessionStorage.setItem('staff.role', r);
  await loadProcedures();
  render();
}

async function loadProcedures() {
  try {
    const list = await api.get('/procedures');
    for (const p of list.procedures) procedures.set(p.code, p);
  } catch {
    // Codes stand in for names until the list can be read.
  }
}

liveFeed((e) => {
  if (e.type === 'door') for (const f of doorListeners) f(e);
});
if (api.signedIn) await loadProcedures();
render();
