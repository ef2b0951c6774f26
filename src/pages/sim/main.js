// @ts-check
import { createApi } from '../shared/api.js';
import { consoleBar } from '../shared/console-bar.js';
import { byId, h, mount } from '../shared/dom.js';
import { liveFeed } from '../shared/events.js';
import { createI18n } from '../shared/i18n.js';
import { say, submitter } from '../shared/notice.js';
import { signInCard } from '../shared/signin.js';
import { STRINGS } from './strings.js';

/**
 * The demo's hands. Door readings come from the technician's view of the lockers (so the panel
 * needs a technician's sign-in); the actions themselves are the simulator's own routes.
 */
const api = createApi({ session: 'sim.session' });
const i18n = createI18n(STRINGS, { remember: 'console.lang' });
const { t } = i18n;
const drawBar = consoleBar({ api, i18n, render });

/** @type {import('../tech/bank.js').LockerView[]} */
let lockers = [];
/** @type {import('../shared/api-types.js').LinkHealthReply['banks']} */
let banks = [];
/** Jams set from this panel: the boards' readings do not show a jam until an open fails. */
const jammed = new Set(/** @type {number[]} */ (JSON.parse(sessionStorage.getItem('sim.jammed') ?? '[]')));
const notice = h('p', { class: 'notice', role: 'status', id: 'sim-notice' });
const doorsRegion = h('div', { class: 'doors', id: 'sim-doors' });
const linkRegion = h('div', { class: 'row', id: 'sim-links' });

const ACTIONS = /** @type {const} */ (['close', 'put_item', 'take_item', 'force_open']);

/**
 * @param {import('../tech/bank.js').LockerView} l
 * @param {typeof ACTIONS[number] | 'jam' | 'unjam'} action
 */
async function act(l, action) {
  try {
    await api.post('/sim/lockers/:lockerId/:action', { params: { lockerId: l.lockerId, action } });
    if (action === 'jam') jammed.add(l.lockerId);
    if (action === 'unjam') jammed.delete(l.lockerId);
    sessionStorage.setItem('sim.jammed', JSON.stringify([...jammed]));
    say(notice, i18n, t('done', { door: l.door, action: t(action) }));
    refreshSoon();
  } catch (error) {
    say(notice, i18n, error);
  }
}

/** @param {import('../tech/bank.js').LockerView} l */
function readingText(l) {
  const r = l.reading;
  const parts = r
    ? [r.open ? t('open') : t('closed'), r.present === null ? '' : r.present ? t('item') : t('empty')]
    : [t('noReading')];
  if (jammed.has(l.lockerId)) parts.push(t('jammedHere'));
  return parts.filter(Boolean).join(' · ');
}

function drawDoors() {
  mount(
    doorsRegion,
    lockers.map((l) => {
      const isJammed = jammed.has(l.lockerId);
      return h(
        'section',
        {
          class: `sim-door${l.reading?.open ? ' is-open' : ''}${isJammed ? ' is-jammed' : ''}`,
          'data-locker': l.lockerId,
          'aria-label': t('doorHands', { door: l.door }),
        },
        h('h3', {}, h('span', {}, t('door', { door: l.door })), h('span', { class: 'muted' }, l.size)),
        h('p', { class: 'reading' }, readingText(l)),
        h(
          'div',
          { class: 'hands' },
          ACTIONS.map((a) =>
            h(
              'button',
              {
                type: 'button',
                class: a === 'force_open' ? 'danger' : 'secondary',
                'data-action': a,
                'aria-label': `${t(a)} — ${t('door', { door: l.door })}`,
                onclick: () => act(l, a),
              },
              t(a),
            ),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-action': isJammed ? 'unjam' : 'jam',
              'aria-label': `${t(isJammed ? 'unjam' : 'jam')} — ${t('door', { door: l.door })}`,
              onclick: () => act(l, isJammed ? 'unjam' : 'jam'),
            },
            t(isJammed ? 'unjam' : 'jam'),
          ),
        ),
      );
    }),
  );
}

function drawLinks() {
  mount(
    linkRegion,
    banks.map((b) => {
      const up = b.state === 'ready';
      return h(
        'div',
        { 'data-bank': b.bank },
        h('p', {}, t('link', { bank: b.bank, state: i18n.tOr(`link_${b.state}`, b.state) })),
        h(
          'button',
          {
            type: 'button',
            class: up ? 'danger' : 'secondary',
            id: `link-${b.bank}`,
            onclick: async () => {
              try {
                await api.put('/sim/banks/:bank/link', { params: b, body: { cut: up } });
                refreshSoon(true);
              } catch (error) {
                say(notice, i18n, error);
              }
            },
          },
          up ? t('cut', { bank: b.bank }) : t('restore', { bank: b.bank }),
        ),
      );
    }),
  );
}

/**
 * Reads the doors; with `links`, the banks' link states too. The reads count against the
 * technician account's request limit, so a door event reads only the doors.
 * @param {boolean} [links]
 */
async function refresh(links = true) {
  if (!api.signedIn) return;
  try {
    const [l, health] = await Promise.all([api.get('/tech/lockers'), links ? api.get('/tech/links') : null]);
    lockers = l.lockers;
    drawDoors();
    if (health) {
      banks = health.banks;
      drawLinks();
    }
  } catch (error) {
    say(notice, i18n, error);
  }
}
/** @type {ReturnType<typeof setTimeout> | undefined} */
let soon;
let soonLinks = false;
/** @param {boolean} [links] */
const refreshSoon = (links = false) => {
  soonLinks ||= links;
  clearTimeout(soon);
  soon = setTimeout(() => {
    const withLinks = soonLinks;
    soonLinks = false;
    refresh(withLinks);
  }, 300);
};

function scanForm() {
  const text = /** @type {HTMLInputElement} */ (
    h('input', { id: 'sim-scan', maxlength: 512, autocomplete: 'off' })
  );
  return h(
    'form',
    {
      class: 'card',
      onsubmit: submitter(notice, i18n, async () => {
        await api.post('/sim/scan', { body: { payload: text.value } });
        say(notice, i18n, t('scanned'));
        text.value = '';
      }),
    },
    h('h2', {}, t('scan')),
    h('label', { for: 'sim-scan' }, t('scanLabel')),
    h('div', { class: 'row' }, text, h('button', { type: 'submit', id: 'sim-scan-submit' }, t('scan'))),
  );
}

function render() {
  drawBar();
  if (!api.signedIn) {
    mount(
      byId('main'),
      h('p', {}, t('intro')),
      signInCard({ api, i18n, roles: ['technician'], onSignedIn: render }),
    );
    return;
  }
  mount(
    byId('main'),
    h('p', {}, t('intro')),
    notice,
    scanForm(),
    h('section', { class: 'card' }, linkRegion),
    h('section', { 'aria-labelledby': 'doors-h' }, h('h2', { id: 'doors-h' }, t('doors')), doorsRegion),
  );
  refresh();
}

liveFeed((e) => refreshSoon(e.type === 'link'));
render();
