// @ts-check
/** Drop-off: procedure -> name -> phone -> the door opens -> the receipt. */
import { ApiError } from '../shared/api.js';
import { dayOf } from '../shared/dates.js';
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
import { watchDoor } from './watch.js';

/** @typedef {import('./types.js').Screen} Screen */
/** @typedef {import('./types.js').Kiosk} Kiosk */
/** @typedef {import('./types.js').Procedure} Procedure */

/** How long the screen counts down while a door stands open for the citizen. */
export const DOOR_WAIT_SECONDS = 120;

/** @type {Procedure[] | null} */
let listed = null;

/** @type {Screen} */
export const procedures = {
  idle: true,
  enter: (k) => {
    listed = null;
    k.procedures().then((list) => {
      listed = list;
      k.redraw();
    });
  },
  draw: (k) => {
    const other = k.lang() === 'vi' ? 'en' : 'vi';
    const body = !listed
      ? [h('p', { class: 'message' }, k.t('checking'))]
      : listed.length === 0
        ? [h('p', { class: 'message' }, k.t('noProcedures'))]
        : [
            h(
              'ul',
              { class: 'procedures' },
              ...listed.map((p) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'procedure',
                      'data-procedure': p.code,
                      onclick: () => {
                        k.flow.procedure = p;
                        k.go('name');
                      },
                    },
                    h('span', { class: 'procedure-name' }, k.lang() === 'vi' ? p.nameVi : p.nameEn),
                    h(
                      'span',
                      { class: 'procedure-other', lang: other },
                      other === 'vi' ? p.nameVi : p.nameEn,
                    ),
                    h(
                      'span',
                      { class: 'procedure-days' },
                      p.workingDays === 1
                        ? k.t('daysToResultOne')
                        : k.t('daysToResult', { days: p.workingDays }),
                    ),
                    p.feeNote ? h('span', { class: 'procedure-fee' }, p.feeNote) : null,
                  ),
                ),
              ),
            ),
          ];
    return frame(`${k.t('chooseProcedure')}`, [stepLine(k, 1), ...body], [backButton(k, () => k.go('home'))]);
  },
};

/** "Step n of 3" above a drop-off screen. */
function stepLine(/** @type {Kiosk} */ k, /** @type {number} */ n) {
  return h('p', { class: 'step' }, k.t('stepOf', { n, total: 3 }));
}

/** @type {Screen} */
export const name = {
  idle: true,
  draw: (k) => {
    const next = button(k.t('next'), () => k.go('phone'), {
      primary: true,
      id: 'next',
      disabled: k.flow.name.trim() === '',
    });
    return frame(
      k.t('enterName'),
      [
        stepLine(k, 2),
        typedField(k, {
          id: 'name',
          label: k.t('enterName'),
          help: k.t('nameHelp'),
          layout: 'text',
          value: k.flow.name,
          maxLength: 60,
          capitalizeWords: true,
          onChange: (v) => {
            k.flow.name = v;
            next.disabled = v.trim() === '';
          },
        }),
      ],
      [backButton(k, () => k.go('procedures')), next],
    );
  },
};

const phoneOk = (/** @type {string} */ v) => v.replace(/\D/g, '').length >= 9;

/** @type {Screen} */
export const phone = {
  idle: true,
  draw: (k) => {
    const next = button(k.t('openDoor'), () => openDoor(k), {
      primary: true,
      id: 'next',
      disabled: !phoneOk(k.flow.phone),
    });
    return frame(
      k.t('enterPhone'),
      [
        stepLine(k, 3),
        notice(k),
        typedField(k, {
          id: 'phone',
          label: k.t('enterPhone'),
          help: k.t('phoneHelp'),
          layout: 'digits',
          value: k.flow.phone,
          maxLength: 12,
          format: (v) => v.replace(/^(\d{4})(\d{0,3})(\d{0,5})$/, '$1 $2 $3').trim(),
          onChange: (v) => {
            k.flow.phone = v;
            next.disabled = !phoneOk(v);
          },
        }),
      ],
      [backButton(k, () => k.go('name')), next],
    );
  },
};

/** @param {Kiosk} k */
async function openDoor(k) {
  const procedure = k.flow.procedure;
  if (!procedure) return k.go('procedures');
  k.flow.notice = null;
  k.go('opening');
  let opened;
  try {
    opened = await k.api.post('/dropoffs', {
      body: { procedureCode: procedure.code, name: k.flow.name.trim(), phone: k.flow.phone },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return k.refuse(error, error.code === 'bad_request' ? 'phone' : undefined);
  }
  k.flow.ticket = opened.ticket;
  k.flow.door = opened.door;
  k.go('dropoff-door');
}

/** @type {Screen} */
export const opening = {
  busy: true,
  draw: (k) => frame(k.t('opening'), [h('div', { class: 'spinner', 'aria-hidden': 'true' })]),
};

/** @type {Screen} */
export const dropoffDoor = {
  busy: true,
  enter: (k) => {
    const flow = k.flow;
    const door = /** @type {number} */ (flow.door);
    startCountdown(k, DOOR_WAIT_SECONDS);
    // The live event says "deposited" first: the receipt screen shows at once, its number and
    // QR filled in when the reading brings them.
    const off = k.onProgress((f, d, status) => {
      if (f === 'dropoff' && d === door && status === 'deposited' && k.screen() === 'dropoff-door') {
        k.go('receipt');
      }
    });
    k.onLeave(off);
    watchDoor(k, 'dropoff', /** @type {string} */ (flow.ticket), door, (p) => {
      if (k.flow !== flow) return; // the citizen has gone on; nothing to show
      if (p.status === 'deposited' && p.receipt) {
        flow.receipt = p.receipt;
        if (k.screen() === 'receipt') k.redraw();
        else k.go('receipt');
      } else if (p.status === 'cancelled') k.go('cancelled');
      else k.go('inspection');
    });
  },
  draw: (k) =>
    frame(
      k.flow.backedOut ? k.t('changedMind') : k.t('dropOffDoorTitle'),
      [
        bigDoor(k, /** @type {number} */ (k.flow.door)),
        k.flow.backedOut
          ? h('p', { class: 'message' }, k.t('backedOut'))
          : steps([k.t('dropOffSteps1'), k.t('dropOffSteps2'), k.t('dropOffSteps3')]),
        countdown(k),
      ],
      k.flow.backedOut ? [] : [button(k.t('changedMind'), () => backOut(k), { id: 'back-out' })],
    ),
};

/** @param {Kiosk} k */
async function backOut(k) {
  try {
    await k.api.post('/dropoffs/:ticket/back-out', { params: { ticket: k.flow.ticket ?? '' } });
  } catch {
    return; // the door stays as it was: the citizen may tap again
  }
  k.flow.backedOut = true;
  k.redraw();
}

/** @type {Screen} */
export const receipt = {
  idle: true,
  draw: (k) => {
    const r = k.flow.receipt;
    if (!r) {
      return frame(
        k.t('receiptTitle'),
        [h('p', { class: 'message', role: 'status' }, k.t('receiptComing')), h('div', { class: 'spinner' })],
        [button(k.t('done'), () => k.go('home'), { primary: true, id: 'done' })],
      );
    }
    k.mark('receipt:details');
    return frame(
      k.t('receiptTitle'),
      [
        h(
          'div',
          { class: 'receipt' },
          h('img', { class: 'receipt-qr', src: r.qrImage, alt: k.t('receiptQr'), width: 240, height: 240 }),
          h(
            'dl',
            { class: 'receipt-facts' },
            h('dt', {}, k.t('receiptNo')),
            h('dd', { id: 'receipt-no' }, r.receiptDisplay),
            h('dt', {}, k.t('appointment')),
            h('dd', { id: 'appointment' }, dayOf(r.appointmentDate)),
            h('dt', {}, k.t('doorLabel')),
            h('dd', {}, String(r.door)),
          ),
        ),
        h('p', { class: 'message' }, k.t('receiptPrinted')),
        h('p', { class: 'help' }, k.t('receiptSms')),
      ],
      [button(k.t('done'), () => k.go('home'), { primary: true, id: 'done' })],
    );
  },
};
