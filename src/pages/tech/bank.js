// @ts-check
import { h } from '../shared/dom.js';

/** A door as GET /api/v1/tech/lockers gives it. */
/** @typedef {import('../shared/api-types.js').LockerView} LockerView */

/** @typedef {'free' | 'reserved' | 'holding' | 'open' | 'jammed' | 'outOfService'} DoorState */

export const DOOR_STATES = /** @type {const} */ ([
  'free',
  'reserved',
  'holding',
  'open',
  'jammed',
  'outOfService',
]);

/**
 * What a technician most needs to know of a door, first match wins: out of service, jammed (an
 * open incident says so), standing open, holding something, reserved (a live dossier but nothing
 * inside yet, or taken out), free. The API does not tell a dossier from a result, so both read
 * "holding".
 * @param {LockerView} l
 * @param {ReadonlySet<number>} jammed locker ids with an open door_jammed incident
 * @returns {DoorState}
 */
export function doorState(l, jammed) {
  if (!l.inService) return 'outOfService';
  if (jammed.has(l.lockerId)) return 'jammed';
  if (l.reading?.open) return 'open';
  if (l.assigned) return l.reading?.present === false ? 'reserved' : 'holding';
  if (l.reading?.present) return 'holding';
  return 'free';
}

/** Door heights on screen, in proportion to the real doors (8, 19 and 41 cm). */
const HEIGHT = /** @type {Record<string, number>} */ ({ S: 30, M: 66, L: 136 });

/**
 * The banks drawn as they stand: one column per board, doors top to bottom by channel, each as
 * tall as its size. `button(locker, state)` builds what goes in each door's place.
 * @param {LockerView[]} lockers
 * @param {ReadonlySet<number>} jammed
 * @param {(bank: number) => string} bankLabel
 * @param {(board: number) => string} boardLabel
 * @param {(l: LockerView, state: DoorState) => HTMLElement} door
 */
export function drawBanks(lockers, jammed, bankLabel, boardLabel, door) {
  /** @type {Map<number, Map<number, LockerView[]>>} */
  const banks = new Map();
  for (const l of lockers) {
    const boards = banks.get(l.bank) ?? new Map();
    banks.set(l.bank, boards);
    const list = boards.get(l.board) ?? [];
    boards.set(l.board, list);
    list.push(l);
  }
  return [...banks.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bank, boards]) =>
      h(
        'figure',
        { class: 'bank', 'data-bank': bank },
        h('figcaption', {}, bankLabel(bank)),
        h(
          'div',
          { class: 'bank-columns' },
          [...boards.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([board, doors]) =>
              h(
                'div',
                { class: 'board-column', role: 'list', 'aria-label': boardLabel(board) },
                h('div', { class: 'board-label', 'aria-hidden': 'true' }, boardLabel(board)),
                doors
                  .sort((a, b) => a.channel - b.channel)
                  .map((l) => {
                    const el = door(l, doorState(l, jammed));
                    el.style.height = `${HEIGHT[l.size] ?? 30}px`;
                    return h('div', { role: 'listitem' }, el);
                  }),
              ),
            ),
        ),
      ),
    );
}

/**
 * @param {(key: DoorState | 'legend') => string} t
 */
export function legend(t) {
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('legend') },
    DOOR_STATES.map((s) =>
      h('li', {}, h('span', { class: `swatch door-${s}`, 'aria-hidden': 'true' }), t(s)),
    ),
  );
}
