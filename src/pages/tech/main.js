// @ts-check
import { createApi } from '../shared/api.js';
import { consoleBar } from '../shared/console-bar.js';
import { byId, h, mount } from '../shared/dom.js';
import { liveFeed } from '../shared/events.js';
import { createI18n } from '../shared/i18n.js';
import { signInCard } from '../shared/signin.js';
import { drawBanks, legend } from './bank.js';
import { card } from './card.js';
import { commissionCard } from './commission.js';
import { doorPanel } from './door-panel.js';
import { STRINGS } from './strings.js';
import { bulkOpenCard, healthCard, incidentsCard, inspectionsCard } from './tools.js';

/** @typedef {import('./bank.js').LockerView} LockerView */

const api = createApi({ session: 'tech.session' });
const i18n = createI18n(STRINGS, { remember: 'console.lang' });
const { t } = i18n;
const drawBar = consoleBar({ api, i18n, render });

const state = {
  /** @type {LockerView[]} */ lockers: [],
  /** @type {import('../shared/api-types.js').IncidentList['incidents']} */ incidents: [],
  /** @type {import('../shared/api-types.js').InspectionList['items']} */ inspections: [],
  /** @type {import('../shared/api-types.js').LinkHealthReply | null} */ links: null,
  /** @type {boolean | null} */ maintenance: null,
  /** @type {number | null} */ selected: null,
  live: false,
};

const regions = {
  health: h('div', { id: 'health' }),
  bank: h('div', { id: 'bank' }),
  door: h('div', { id: 'door' }),
  inspections: h('div'),
  incidents: h('div'),
  bulk: h('div'),
  commission: h('div'),
};

const jammedIds = () =>
  new Set(
    state.incidents.flatMap((i) => (i.kind === 'door_jammed' && i.lockerId !== null ? [i.lockerId] : [])),
  );

function drawBank() {
  const jammed = jammedIds();
  mount(
    regions.bank,
    card(
      { headingId: 'bank-h', title: t('lockers') },
      legend(t),
      drawBanks(
        state.lockers,
        jammed,
        (bank) => t('bank', { bank }),
        (board) => t('board', { board }),
        (l, s) =>
          h(
            'button',
            {
              type: 'button',
              class: `door door-${s}${l.unsettledOperation ? ' unsettled' : ''}`,
              'data-locker': l.lockerId,
              'data-state': s,
              'aria-pressed': String(state.selected === l.lockerId),
              onclick: () => select(l.lockerId),
            },
            h('span', { class: 'num' }, h('span', { class: 'sr' }, t('door', { door: '' })), l.door),
            h('span', { class: 'label' }, t(s)),
          ),
      ),
    ),
  );
}

/** @param {number | null} lockerId */
function select(lockerId) {
  state.selected = lockerId;
  drawBank();
  drawDoor();
}

function drawDoor() {
  const l = state.lockers.find((x) => x.lockerId === state.selected);
  if (!l) {
    regions.door.replaceChildren();
    return;
  }
  const s =
    /** @type {HTMLElement | null} */ (regions.bank.querySelector(`[data-locker="${l.lockerId}"]`))?.dataset
      .state ?? '';
  mount(
    regions.door,
    doorPanel({ api, i18n, locker: l, state: s, onChanged: refresh, onClose: () => select(null) }),
  );
}

function drawSide() {
  mount(
    regions.health,
    healthCard({ api, i18n, links: state.links, maintenance: state.maintenance, onChanged: refresh }),
  );
  mount(regions.inspections, inspectionsCard({ api, i18n, items: state.inspections, onChanged: refresh }));
  const doorOf = (/** @type {number | null} */ id) =>
    String(state.lockers.find((l) => l.lockerId === id)?.door ?? '—');
  mount(regions.incidents, incidentsCard({ api, i18n, incidents: state.incidents, doorOf }));
}

let refreshing = false;
let again = false;
let againFull = false;

/**
 * Reads the doors, incidents and inspections; with `full`, the links and maintenance as well.
 * The technician's requests count against a per-account limit (120 a minute by default), so a
 * door event reads only what a door can change, and refreshes never overlap.
 * @param {boolean} [full]
 */
async function refresh(full = true) {
  if (!api.signedIn) return;
  if (refreshing) {
    again = true;
    againFull ||= full;
    return;
  }
  refreshing = true;
  try {
    const [lockers, incidents, inspections, links, status] = await Promise.all([
      api.get('/tech/lockers'),
      api.get('/tech/incidents'),
      api.get('/tech/inspections'),
      full ? api.get('/tech/links') : state.links,
      full ? api.get('/kiosk/status').catch(() => null) : null,
    ]);
    const firstTime = state.lockers.length === 0;
    state.lockers = lockers.lockers;
    state.incidents = incidents.incidents;
    state.inspections = inspections.items;
    state.links = links;
    if (status) state.maintenance = status.maintenance;
    drawBank();
    drawSide();
    if (firstTime) {
      mount(regions.bulk, bulkOpenCard({ api, i18n, lockers: state.lockers, onChanged: refresh }));
      const banks = [...new Set(state.lockers.map((l) => l.bank))].sort((a, b) => a - b);
      mount(regions.commission, commissionCard({ api, i18n, banks }));
    }
    const panel = document.getElementById('door-state');
    if (state.selected !== null && !panel) drawDoor();
    else if (panel) {
      const l = state.lockers.find((x) => x.lockerId === state.selected);
      const s = regions.bank.querySelector(`[data-locker="${state.selected}"]`)?.getAttribute('data-state');
      if (l && s)
        panel.textContent = `${t('state')}: ${i18n.tOr(s, s)}${l.outOfServiceReason ? ` — ${l.outOfServiceReason}` : ''}`;
      const serviceButton = document.getElementById('door-service');
      if (l && serviceButton && serviceButton.textContent !== (l.inService ? t('takeOut') : t('putBack')))
        drawDoor();
    }
  } catch {
    // A failed refresh leaves the last picture; the next event or poll tries again.
  } finally {
    refreshing = false;
    if (again) {
      const wasFull = againFull;
      again = false;
      againFull = false;
      refresh(wasFull);
    }
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let soon;
const refreshSoon = () => {
  clearTimeout(soon);
  soon = setTimeout(() => refresh(false), 300);
};

/** @param {import('../shared/events.js').KioskEvent} e */
function onEvent(e) {
  if (e.type === 'door') {
    // The door's own change shows at once; the ledger's view follows with the refresh.
    const l = state.lockers.find((x) => x.lockerId === e.lockerId);
    if (l) {
      l.reading = {
        open: e.change !== 'closed',
        locked: e.change === 'closed',
        present: l.reading?.present ?? null,
      };
      drawBank();
    }
  }
  if (e.type === 'maintenance') state.maintenance = e.on;
  if (e.type === 'hello') state.maintenance = e.maintenance;
  if (e.type === 'door') refreshSoon();
  else if (e.type === 'link' || e.type === 'maintenance') refresh(true);
}

function render() {
  drawBar();
  byId('live').textContent = api.signedIn ? (state.live ? t('live') : t('notLive')) : '';
  if (!api.signedIn) {
    state.lockers = [];
    mount(byId('main'), signInCard({ api, i18n, roles: ['technician'], onSignedIn: render }));
    return;
  }
  mount(
    byId('main'),
    regions.health,
    h(
      'div',
      { class: 'tech-grid' },
      regions.bank,
      h('div', {}, regions.door, regions.inspections, regions.incidents),
    ),
    regions.bulk,
    regions.commission,
  );
  state.lockers = [];
  refresh();
}

liveFeed(onEvent, (connected) => {
  state.live = connected;
  if (api.signedIn) byId('live').textContent = connected ? t('live') : t('notLive');
});
// Without the live feed (an office computer), the picture is refreshed every few seconds.
let ticks = 0;
setInterval(() => {
  ticks++;
  if (!state.live) refresh(ticks % 3 === 0);
  else if (ticks % 6 === 0) refresh(true);
}, 10_000);
render();
