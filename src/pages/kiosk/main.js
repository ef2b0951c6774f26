// @ts-check
/**
 * The citizen kiosk screen: one page, one screen at a time, Vietnamese first. What the citizen
 * typed lives in `flow` only and is forgotten on every return to the start.
 */
import { createApi } from '../shared/api.js';
import { byId, h, mount } from '../shared/dom.js';
import { liveFeed } from '../shared/events.js';
import { createI18n } from '../shared/i18n.js';
import { createIdleTimer, idleMs } from './idle.js';
import { RETRY_HERE, refusalText } from './refusals.js';
import { listenForScans } from './scanner.js';
import { home, message, out, sorry } from './screens-common.js';
import { dropoffDoor, name, opening, phone, procedures, receipt } from './screens-dropoff.js';
import {
  pickupCode,
  pickupDoor,
  pickupReceipt,
  pickupSecond,
  rating,
  startPickup,
  thanks,
} from './screens-pickup.js';
import { STRINGS } from './strings.js';

/** @typedef {import('./types.js').Flow} Flow */
/** @typedef {import('./types.js').Kiosk} Kiosk */
/** @typedef {import('./types.js').Screen} Screen */
/** @typedef {import('./types.js').ScreenName} ScreenName */
/** @typedef {import('./types.js').TextKey} TextKey */
/** @typedef {import('../shared/i18n.js').Bilingual} Bilingual */

/** @type {Record<ScreenName, Screen>} */
const SCREENS = {
  home,
  procedures,
  name,
  phone,
  opening,
  'dropoff-door': dropoffDoor,
  receipt,
  cancelled: message('cancelledTitle', 'cancelledText'),
  inspection: message('inspectionTitle', 'inspectionText'),
  'pickup-receipt': pickupReceipt,
  'pickup-code': pickupCode,
  'pickup-second': pickupSecond,
  'pickup-door': pickupDoor,
  rating,
  thanks,
  'left-inside': message('leftInsideTitle', 'leftInsideText'),
  sorry,
  out,
};

/** @returns {Flow} */
function emptyFlow() {
  return {
    procedure: null,
    name: '',
    phone: '',
    ticket: null,
    door: null,
    receipt: null,
    receiptNo: '',
    code: '',
    second: '',
    qr: null,
    scanned: false,
    backedOut: false,
    notice: null,
    refusal: null,
    secondsLeft: 0,
  };
}

/**
 * Marks for the benchmarks and tests: which screen was drawn when, and the next animation frame
 * after it (Date.now: the host's clock, comparable with the daemon's and the test's).
 */
const marks = /** @type {{ screen: string, at: number, frameAt?: number }[]} */ ([]);
Object.assign(window, { kioskMarks: marks });

const i18n = createI18n(STRINGS);
const api = createApi();
const root = byId('screen');
const top = byId('top');
/** @type {ScreenName} */
let current = 'home';
/** @type {(() => void)[]} */
const leaving = [];
/** @type {Set<(flow: 'dropoff' | 'pickup', door: number, status: string) => void>} */
const progressListeners = new Set();
let outOfService = false;
/** @type {TextKey} */
let outReason = 'outMaintenance';

/** @type {Kiosk} */
const k = {
  t: (key, vars) => i18n.t(key, vars),
  lang: () => i18n.lang,
  pick: (value) => i18n.pick(value),
  api,
  flow: emptyFlow(),
  go,
  redraw: draw,
  refuse(refusal, retry) {
    const text = refusalText(refusal);
    if (retry && (RETRY_HERE.has(refusal.code) || retry === 'pickup-receipt')) {
      k.flow.notice = text;
      go(retry);
      return;
    }
    k.flow.refusal = text;
    go('sorry');
  },
  onLeave: (cleanup) => leaving.push(cleanup),
  onProgress(listener) {
    progressListeners.add(listener);
    return () => progressListeners.delete(listener);
  },
  async procedures() {
    try {
      return (await api.get('/procedures')).procedures;
    } catch {
      return [];
    }
  },
  outReason: () => outReason,
  screen: () => current,
  mark: (name) => addMark(name),
};

const idle = createIdleTimer(idleMs(), () => go('home'));

/** @param {ScreenName} next */
function go(next) {
  for (const cleanup of leaving.splice(0)) cleanup();
  if (next === 'home') {
    k.flow = emptyFlow();
    if (outOfService) next = 'out';
  }
  current = next;
  const screen = SCREENS[next];
  if (screen.idle) idle.arm();
  else idle.disarm();
  screen.enter?.(k);
  draw();
  byId('screen').querySelector('h1')?.focus({ preventScroll: true });
}

function draw() {
  mount(root, SCREENS[current].draw(k));
  document.body.dataset.screen = current;
  addMark(current);
}

/** A mark now, and the time of the next animation frame after it. */
function addMark(/** @type {string} */ name) {
  const mark = { screen: name, at: Date.now(), frameAt: /** @type {number | undefined} */ (undefined) };
  marks.push(mark);
  requestAnimationFrame(() => {
    mark.frameAt = Date.now();
  });
}

function drawTop() {
  const other = i18n.lang === 'vi' ? 'en' : 'vi';
  mount(
    top,
    h('span', { class: 'top-title' }, i18n.t('title')),
    h(
      'button',
      {
        type: 'button',
        class: 'btn lang',
        id: 'lang',
        lang: other,
        'aria-label': i18n.t('switchLangName'),
        onclick: () => i18n.setLang(other),
      },
      i18n.t('switchLang'),
    ),
  );
}

i18n.onChange(() => {
  drawTop();
  draw();
});

/** Out of service (maintenance or no link to the lockers): shown unless a door is open. */
function setService(/** @type {boolean} */ maintenance, /** @type {boolean} */ linkDown) {
  outOfService = maintenance || linkDown;
  outReason = maintenance ? 'outMaintenance' : 'outLink';
  if (outOfService && !SCREENS[current].busy) go('out');
  else if (!outOfService && current === 'out') go('home');
  else if (current === 'out') draw();
}

async function refreshStatus() {
  try {
    const status = await api.get('/kiosk/status');
    setService(status.maintenance, status.linkDown);
  } catch {
    // The next look (or the feed's hello) tells.
  }
}

liveFeed(
  (e) => {
    if (e.type === 'hello') setService(e.maintenance, e.linkDown);
    else if (e.type === 'link' || e.type === 'maintenance') void refreshStatus();
    else if (e.type === 'scan') void onScannerRead(e);
    else if (e.type === 'progress') {
      marks.push({ screen: `event:${e.flow}:${e.status}`, at: Date.now() });
      for (const l of progressListeners) l(e.flow, e.door, e.status);
    }
  },
  (connected) => {
    if (!connected) void refreshStatus();
  },
  // The screen and the daemon share a machine: ask again every 2 s, never longer.
  { firstPauseMs: 2000, maxPauseMs: 2000 },
);
// The feed announces changes; a slow look now and then covers a feed that is down.
setInterval(refreshStatus, 30_000);

/**
 * The kiosk's own scanner (a serial port) read a receipt and the daemon has acted on it: show the
 * door it opened, ask for the digits of a sensitive procedure, or explain the refusal. A screen
 * busy with someone's open door keeps showing it; the daemon's answer stands on its own.
 * @param {{ outcome: 'door_open', door: number } | { outcome: 'refused', code: string, message: Bilingual }} e
 */
async function onScannerRead(e) {
  if (SCREENS[current].busy) return;
  go('home');
  if (outOfService) return;
  if (e.outcome === 'door_open') {
    let opened;
    try {
      opened = await api.post('/pickups/scanned');
    } catch {
      return;
    }
    k.flow.ticket = opened.ticket;
    k.flow.door = opened.door;
    go('pickup-door');
    return;
  }
  if (e.code === 'second_factor_required') {
    k.flow.scanned = true;
    go('pickup-second');
    return;
  }
  k.refuse({ code: e.code, text: e.message });
}

listenForScans((text) => {
  if (SCREENS[current].busy) return;
  go('home');
  if (outOfService) return;
  k.flow.qr = text;
  void startPickup(k);
});

drawTop();
go('home');
void refreshStatus();
