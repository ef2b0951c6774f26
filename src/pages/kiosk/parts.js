// @ts-check
/** Building blocks every kiosk screen uses: the frame, buttons, typed fields, the big door. */
import { h } from '../shared/dom.js';
import { createKeyboard } from '../shared/keyboard.js';

/** @typedef {import('./types.js').Kiosk} Kiosk */
/** @typedef {import('./types.js').TextKey} TextKey */

/**
 * A screen: its heading (focused on arrival, for screen readers), its body and its buttons.
 * @param {string} title
 * @param {(Node | null)[]} body
 * @param {(Node | null)[]} [actions]
 */
export function frame(title, body, actions = []) {
  return h(
    'section',
    { class: 'screen' },
    h('h1', { tabindex: '-1', class: 'screen-title' }, title),
    h('div', { class: 'screen-body' }, ...body),
    actions.length ? h('nav', { class: 'screen-actions' }, ...actions) : null,
  );
}

/**
 * @param {string} label
 * @param {() => void} onTap
 * @param {{ primary?: boolean, id?: string, disabled?: boolean }} [options]
 */
export function button(label, onTap, options = {}) {
  return h(
    'button',
    {
      type: 'button',
      class: options.primary ? 'btn btn-primary' : 'btn',
      id: options.id,
      disabled: options.disabled,
      onclick: onTap,
    },
    label,
  );
}

/** A "back" or "home" button, drawn on the left. */
export function backButton(
  /** @type {Kiosk} */ k,
  /** @type {() => void} */ onTap,
  key = /** @type {TextKey} */ ('back'),
) {
  return h('button', { type: 'button', class: 'btn btn-back', id: 'back', onclick: onTap }, `← ${k.t(key)}`);
}

/** A refusal the citizen can fix here, read out by screen readers. */
export function notice(/** @type {Kiosk} */ k) {
  const n = k.flow.notice;
  return n ? h('p', { class: 'notice', role: 'alert' }, k.pick(n)) : null;
}

/**
 * A field typed on the on-screen keyboard: its label, the value shown large, and the keys.
 * @param {Kiosk} k
 * @param {object} o
 * @param {string} o.id
 * @param {string} o.label
 * @param {string} o.help
 * @param {'text' | 'digits'} o.layout
 * @param {string} o.value
 * @param {number} o.maxLength
 * @param {(value: string) => void} o.onChange
 * @param {(value: string) => string} [o.format] how the value is shown (grouped digits)
 * @param {boolean} [o.capitalizeWords]
 * @param {boolean} [o.secret]
 */
export function typedField(k, o) {
  const format = o.format ?? ((v) => v);
  const shown = (/** @type {string} */ v) => (o.secret ? '•'.repeat(v.length) : format(v));
  const output = h('output', { id: o.id, class: 'typed', for: `${o.id}-keys` }, shown(o.value));
  const keys = createKeyboard({
    layout: o.layout,
    value: o.value,
    maxLength: o.maxLength,
    lang: k.lang(),
    capitalizeWords: o.capitalizeWords,
    onChange: (v) => {
      output.textContent = shown(v);
      o.onChange(v);
    },
  });
  keys.id = `${o.id}-keys`;
  return h(
    'div',
    { class: `field field-${o.layout}` },
    h('label', { class: 'visually-hidden', for: o.id }, o.label),
    output,
    h('p', { class: 'help' }, o.help),
    keys,
  );
}

/** The door number, as large as the screen allows: the one thing to read from afar. */
export function bigDoor(/** @type {Kiosk} */ k, /** @type {number} */ door) {
  return h(
    'div',
    { class: 'door', role: 'status' },
    h('span', { class: 'door-label' }, k.t('doorLabel')),
    h('span', { class: 'door-number', id: 'door-number' }, String(door)),
  );
}

/** Numbered instructions. */
export function steps(/** @type {string[]} */ lines) {
  return h('ol', { class: 'steps' }, ...lines.map((line) => h('li', {}, line)));
}

/** The countdown line under a door: updated in place each second by the screen's enter(). */
export function countdown(/** @type {Kiosk} */ k) {
  const s = k.flow.secondsLeft;
  return h(
    'p',
    { class: 'countdown', id: 'countdown', 'aria-live': 'off' },
    s > 0 ? k.t('waitingFor', { s }) : k.t('waitingOver'),
  );
}

/**
 * Counts down from `seconds` on the screen, one tick a second, until the screen is left.
 * @param {Kiosk} k
 * @param {number} seconds
 */
export function startCountdown(k, seconds) {
  k.flow.secondsLeft = seconds;
  const timer = setInterval(() => {
    if (k.flow.secondsLeft > 0) k.flow.secondsLeft--;
    const el = document.getElementById('countdown');
    if (el) el.replaceWith(countdown(k));
  }, 1000);
  k.onLeave(() => clearInterval(timer));
}
