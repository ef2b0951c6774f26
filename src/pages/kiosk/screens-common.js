// @ts-check
/** The start screen, the sorry screen and the out-of-service screen. */
import { h } from '../shared/dom.js';
import { button, frame } from './parts.js';

/** @typedef {import('./types.js').Screen} Screen */
/** @typedef {import('./types.js').Kiosk} Kiosk */

/** @type {Screen} */
export const home = {
  draw: (k) =>
    frame(k.t('homeQuestion'), [
      h(
        'div',
        { class: 'choices' },
        h(
          'button',
          { type: 'button', class: 'choice', id: 'start-dropoff', onclick: () => k.go('procedures') },
          h('span', { class: 'choice-icon', 'aria-hidden': 'true' }, '↓'),
          h('span', { class: 'choice-title' }, k.t('dropOff')),
          h('span', { class: 'choice-hint' }, k.t('dropOffHint')),
        ),
        h(
          'button',
          { type: 'button', class: 'choice', id: 'start-pickup', onclick: () => k.go('pickup-receipt') },
          h('span', { class: 'choice-icon', 'aria-hidden': 'true' }, '↑'),
          h('span', { class: 'choice-title' }, k.t('pickUp')),
          h('span', { class: 'choice-hint' }, k.t('pickUpHint')),
        ),
      ),
      h('p', { class: 'scan-hint' }, k.t('scanHint')),
    ]),
};

/** @type {Screen} */
export const sorry = {
  idle: true,
  draw: (k) =>
    frame(
      k.t('sorryTitle'),
      [
        h('p', { class: 'message', role: 'alert' }, k.flow.refusal ? k.pick(k.flow.refusal) : ''),
        h('p', { class: 'help' }, k.t('sorryHelp')),
      ],
      [button(k.t('home'), () => k.go('home'), { primary: true, id: 'home' })],
    ),
};

/** @type {Screen} */
export const out = {
  draw: (k) =>
    frame(k.t('outOfService'), [
      h('p', { class: 'message', role: 'status', id: 'out-reason' }, k.t(k.outReason())),
    ]),
};

/**
 * A screen that only says something and offers the way home.
 * @param {import('./types.js').TextKey} title
 * @param {import('./types.js').TextKey} text
 * @returns {Screen}
 */
export function message(title, text) {
  return {
    idle: true,
    draw: (k) =>
      frame(
        k.t(title),
        [h('p', { class: 'message' }, k.t(text))],
        [button(k.t('home'), () => k.go('home'), { primary: true, id: 'home' })],
      ),
  };
}
