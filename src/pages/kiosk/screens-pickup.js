// @ts-check
/** Pickup: receipt number -> code (-> last 4 phone digits when asked) -> the door -> a rating. */
import { ApiError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import {
  backButton,
  bigDoor,
  button,
  countdown,
  frame,
  notice,
  startCountdown,
  steps,
  typedField,
} from './parts.js';
import { DOOR_WAIT_SECONDS } from './screens-dropoff.js';
import { watchDoor } from './watch.js';

/** @typedef {import('./types.js').Screen} Screen */
/** @typedef {import('./types.js').Kiosk} Kiosk */

const RECEIPT_DIGITS = 14;
const CODE_DIGITS = 8;

/** 06126112100427 -> 061-261121-0042-7, as printed on the receipt. */
export function groupReceipt(/** @type {string} */ digits) {
  const parts = [digits.slice(0, 3), digits.slice(3, 9), digits.slice(9, 13), digits.slice(13)];
  return parts.filter((p) => p !== '').join('-');
}

/**
 * One digit-entry screen of the pickup.
 * @param {object} o
 * @param {'receiptNo' | 'code' | 'second'} o.field
 * @param {import('./types.js').TextKey} o.title
 * @param {import('./types.js').TextKey} o.help
 * @param {number} o.digits
 * @param {(k: Kiosk) => void} o.next
 * @param {import('./types.js').ScreenName} o.back
 * @param {(v: string) => string} [o.format]
 * @returns {Screen}
 */
function digitsScreen(o) {
  return {
    idle: true,
    draw: (k) => {
      const next = button(k.t('next'), () => o.next(k), {
        primary: true,
        id: 'next',
        disabled: k.flow[o.field].length !== o.digits,
      });
      return frame(
        k.t(o.title),
        [
          notice(k),
          typedField(k, {
            id: o.field,
            label: k.t(o.title),
            help: k.t(o.help),
            layout: 'digits',
            value: k.flow[o.field],
            maxLength: o.digits,
            format: o.format,
            onChange: (v) => {
              k.flow[o.field] = v;
              next.disabled = v.length !== o.digits;
            },
          }),
        ],
        [backButton(k, () => k.go(o.back)), next],
      );
    },
  };
}

export const pickupReceipt = digitsScreen({
  field: 'receiptNo',
  title: 'enterReceipt',
  help: 'receiptHelp',
  digits: RECEIPT_DIGITS,
  format: groupReceipt,
  back: 'home',
  next: (k) => {
    k.flow.notice = null;
    k.go('pickup-code');
  },
});

export const pickupCode = digitsScreen({
  field: 'code',
  title: 'enterCode',
  help: 'codeHelp',
  digits: CODE_DIGITS,
  back: 'pickup-receipt',
  next: (k) => startPickup(k),
});

export const pickupSecond = digitsScreen({
  field: 'second',
  title: 'enterSecond',
  help: 'secondHelp',
  digits: 4,
  back: 'home',
  next: (k) => startPickup(k),
});

/**
 * Asks for the door with what the citizen gave: the scanned QR, or the receipt number and code;
 * with the last phone digits when the procedure asks for them.
 * @param {Kiosk} k
 */
export async function startPickup(k) {
  const f = k.flow;
  const credentials = f.scanned
    ? { scanned: true }
    : f.qr
      ? { qr: f.qr }
      : { receiptNo: f.receiptNo, code: f.code };
  const body = f.second ? { ...credentials, secondFactor: f.second } : credentials;
  f.notice = null;
  k.go('opening');
  let opened;
  try {
    opened = await k.api.post('/pickups', { body });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return pickupRefused(k, error);
  }
  f.ticket = opened.ticket;
  f.door = opened.door;
  k.go('pickup-door');
}

/**
 * After a refused pickup: back to the screen where the citizen can fix what was typed, or the
 * refusal in plain words.
 * @param {Kiosk} k
 * @param {ApiError} r
 */
function pickupRefused(k, r) {
  const f = k.flow;
  if (r.code === 'second_factor_required') {
    f.second = '';
    return k.go('pickup-second');
  }
  if (r.code === 'wrong_second_factor') {
    f.second = '';
    return k.refuse(r, 'pickup-second');
  }
  if (r.code === 'wrong_code' && !f.qr && !f.scanned) {
    f.code = '';
    return k.refuse(r, 'pickup-code');
  }
  if (r.code === 'receipt_mistyped' && !f.qr && !f.scanned) {
    f.code = '';
    return k.refuse(r, 'pickup-receipt');
  }
  k.refuse(r);
}

/** @type {Screen} */
export const pickupDoor = {
  busy: true,
  enter: (k) => {
    startCountdown(k, DOOR_WAIT_SECONDS);
    const flow = k.flow;
    watchDoor(
      k,
      'pickup',
      /** @type {string} */ (k.flow.ticket),
      /** @type {number} */ (k.flow.door),
      (p) => {
        if (k.flow !== flow) return; // the citizen has gone on; nothing to show
        if (p.status === 'picked_up') k.go('rating');
        else if (p.status === 'left_inside') k.go('left-inside');
        else k.go('inspection');
      },
    );
  },
  draw: (k) =>
    frame(k.t('pickupDoorTitle'), [
      bigDoor(k, /** @type {number} */ (k.flow.door)),
      steps([k.t('pickupSteps1'), k.t('pickupSteps2')]),
      countdown(k),
    ]),
};

/** @type {import('./types.js').TextKey[]} */
const RATING_TEXT = ['rate1', 'rate2', 'rate3', 'rate4', 'rate5'];

/** @type {Screen} */
export const rating = {
  idle: true,
  draw: (k) =>
    frame(
      k.t('rateTitle'),
      [
        h(
          'div',
          { class: 'ratings', role: 'group', 'aria-label': k.t('rateTitle') },
          ...[1, 2, 3, 4, 5].map((stars, i) =>
            h(
              'button',
              { type: 'button', class: 'rating', 'data-rating': stars, onclick: () => rate(k, stars) },
              h('span', { class: 'rating-face', 'aria-hidden': 'true' }, String(stars)),
              h(
                'span',
                { class: 'rating-text' },
                k.t(/** @type {import('./types.js').TextKey} */ (RATING_TEXT[i])),
              ),
            ),
          ),
        ),
      ],
      [button(k.t('skipRating'), () => k.go('home'), { id: 'skip' })],
    ),
};

/** @param {Kiosk} k @param {number} stars */
async function rate(k, stars) {
  // A rating that did not reach the kiosk is not worth troubling the citizen with.
  await k.api
    .post('/pickups/:ticket/rating', { params: { ticket: k.flow.ticket ?? '' }, body: { rating: stars } })
    .catch(() => {});
  k.go('thanks');
}

/** @type {Screen} */
export const thanks = {
  enter: (k) => {
    const t = setTimeout(() => k.go('home'), 6000);
    k.onLeave(() => clearTimeout(t));
  },
  draw: (k) =>
    frame(k.t('thanks'), [], [button(k.t('home'), () => k.go('home'), { primary: true, id: 'home' })]),
};
