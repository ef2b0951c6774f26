import { describe, expect, it } from 'vitest';
import { begin, type DossierEvent, transition } from '../../src/domain/lifecycle';
import {
  ACTORS,
  type Actor,
  DOSSIER_STATES,
  type DossierState,
  FINAL_STATES,
  holdsCitizenProperty,
  isLive,
  LIVE_STATES,
} from '../../src/domain/states';

const NOW = new Date('2026-03-10T03:00:00Z');
const simple = (type: DossierEvent['type']): DossierEvent => {
  if (type === 'open_for_reclaim') return { type, now: NOW, reclaimAfterDays: 3 };
  if (type === 'settle') return { type, found: 'ready' };
  return { type } as DossierEvent;
};

// Written out by hand from the state diagram: [from, event, actor, to, handover].
const ALLOWED: [DossierState, DossierEvent['type'], Actor, DossierState, 'staff' | 'citizen' | null][] = [
  ['reserved', 'closed_with_item', 'system', 'deposited', null],
  ['reserved', 'closed_empty', 'system', 'cancelled', null],
  ['reserved', 'door_failed', 'system', 'cancelled', null],
  ['reserved', 'back_out', 'citizen', 'cancelled', null],
  ['reserved', 'back_out', 'system', 'cancelled', null],
  ['deposited', 'open_for_collection', 'staff', 'collecting', null],
  ['collecting', 'closed_empty', 'system', 'at_counter', 'staff'],
  ['collecting', 'closed_empty', 'staff', 'at_counter', 'staff'],
  ['collecting', 'closed_with_item', 'system', 'deposited', null],
  ['collecting', 'door_failed', 'system', 'deposited', null],
  ['at_counter', 'open_for_loading', 'staff', 'loading', null],
  ['loading', 'closed_with_item', 'system', 'ready', null],
  ['loading', 'closed_empty', 'system', 'at_counter', null],
  ['loading', 'closed_empty', 'staff', 'at_counter', null],
  ['loading', 'door_failed', 'system', 'at_counter', null],
  ['ready', 'open_for_pickup', 'citizen', 'pickup_open', null],
  ['pickup_open', 'closed_empty', 'system', 'picked_up', 'citizen'],
  ['pickup_open', 'closed_with_item', 'system', 'ready', null],
  ['pickup_open', 'door_failed', 'system', 'ready', null],
  ['ready', 'open_for_reclaim', 'staff', 'reclaiming', null],
  ['reclaiming', 'closed_empty', 'system', 'reclaimed', 'staff'],
  ['reclaiming', 'closed_empty', 'staff', 'reclaimed', 'staff'],
  ['reclaiming', 'closed_with_item', 'system', 'ready', null],
  ['reclaiming', 'door_failed', 'system', 'ready', null],
  ...LIVE_STATES.flatMap((s) =>
    (['system', 'technician'] as const).map(
      (a) =>
        [s, 'lost_track', a, 'needs_inspection', null] as [
          DossierState,
          'lost_track',
          Actor,
          DossierState,
          null,
        ],
    ),
  ),
  ['needs_inspection', 'settle', 'technician', 'ready', null],
];

const EVENT_TYPES: DossierEvent['type'][] = [
  'closed_with_item',
  'closed_empty',
  'door_failed',
  'back_out',
  'lost_track',
  'open_for_collection',
  'open_for_loading',
  'open_for_pickup',
  'open_for_reclaim',
  'settle',
];

describe('dossier lifecycle', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (from, event, actor, to, handover) => {
    const r = transition({ state: from, inspectedFrom: null }, simple(event), actor);
    expect(r).toMatchObject({ ok: true, next: to, handover });
  });

  it('refuses every other (state, event, actor) with a reason that says why', () => {
    let refused = 0;
    for (const state of DOSSIER_STATES) {
      for (const type of EVENT_TYPES) {
        const legalActors = ALLOWED.filter(([f, e]) => f === state && e === type).map(([, , a]) => a);
        for (const actor of ACTORS) {
          if (legalActors.includes(actor)) continue;
          const r = transition({ state, inspectedFrom: null }, simple(type), actor);
          const expected = (FINAL_STATES as readonly string[]).includes(state)
            ? 'final_state'
            : legalActors.length > 0
              ? 'actor_not_allowed'
              : 'not_in_this_state';
          expect(r, `${state} ${type} ${actor}`).toEqual({ ok: false, code: expected });
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(400);
  });

  it('a citizen cannot collect, load or reclaim; staff cannot pick up for a citizen', () => {
    expect(transition({ state: 'deposited' }, { type: 'open_for_collection' }, 'citizen')).toEqual({
      ok: false,
      code: 'actor_not_allowed',
    });
    expect(transition({ state: 'at_counter' }, { type: 'open_for_loading' }, 'citizen')).toMatchObject({
      ok: false,
    });
    expect(transition({ state: 'ready' }, { type: 'open_for_pickup' }, 'staff')).toEqual({
      ok: false,
      code: 'actor_not_allowed',
    });
    expect(transition({ state: 'needs_inspection' }, { type: 'settle', found: 'ready' }, 'staff')).toEqual({
      ok: false,
      code: 'actor_not_allowed',
    });
  });

  it('a new dossier starts reserved when a citizen drops off, at the counter when staff register a result', () => {
    expect(begin({ type: 'open_dropoff' }, 'citizen')).toMatchObject({ ok: true, next: 'reserved' });
    expect(begin({ type: 'register_result' }, 'staff')).toMatchObject({ ok: true, next: 'at_counter' });
    expect(begin({ type: 'open_dropoff' }, 'staff')).toEqual({ ok: false, code: 'actor_not_allowed' });
    expect(begin({ type: 'register_result' }, 'citizen')).toEqual({ ok: false, code: 'actor_not_allowed' });
  });

  it('losing track remembers where the dossier was, and keeps it through a second loss', () => {
    const first = transition({ state: 'pickup_open' }, { type: 'lost_track' }, 'system');
    expect(first).toMatchObject({ ok: true, next: 'needs_inspection', inspectedFrom: 'pickup_open' });
    const again = transition(
      { state: 'needs_inspection', inspectedFrom: 'pickup_open' },
      { type: 'lost_track' },
      'system',
    );
    expect(again).toMatchObject({ ok: true, inspectedFrom: 'pickup_open' });
  });

  it('a technician settles only to a state the dossier could have reached', () => {
    const settle = (from: DossierState, found: DossierState) =>
      transition({ state: 'needs_inspection', inspectedFrom: from }, { type: 'settle', found }, 'technician');
    expect(settle('reserved', 'deposited')).toMatchObject({ ok: true, next: 'deposited', handover: null });
    expect(settle('reserved', 'cancelled')).toMatchObject({ ok: true, next: 'cancelled' });
    expect(settle('reserved', 'picked_up')).toEqual({ ok: false, code: 'settle_not_allowed' });
    expect(settle('pickup_open', 'picked_up')).toMatchObject({ ok: true, handover: 'citizen' });
    expect(settle('reclaiming', 'reclaimed')).toMatchObject({ ok: true, handover: 'staff' });
    expect(settle('deposited', 'at_counter')).toMatchObject({ ok: true, handover: 'staff' });
    expect(settle('deposited', 'cancelled')).toEqual({ ok: false, code: 'settle_not_allowed' });
    expect(settle('ready', 'picked_up')).toEqual({ ok: false, code: 'settle_not_allowed' });
    expect(settle('ready', 'missing')).toMatchObject({ ok: true, next: 'missing' });
    expect(settle('loading', 'deposited')).toEqual({ ok: false, code: 'settle_not_allowed' });
  });

  it('staff may reclaim a result only after the configured days', () => {
    const readyAt = new Date('2026-03-07T03:00:00Z');
    const ev = (now: string) =>
      ({ type: 'open_for_reclaim', now: new Date(now), reclaimAfterDays: 3 }) as const;
    expect(transition({ state: 'ready', readyAt }, ev('2026-03-10T02:59:59Z'), 'staff')).toEqual({
      ok: false,
      code: 'reclaim_too_early',
    });
    expect(transition({ state: 'ready', readyAt }, ev('2026-03-10T03:00:00Z'), 'staff')).toMatchObject({
      ok: true,
      next: 'reclaiming',
    });
  });

  it('only live states occupy a door; property states are all live', () => {
    expect(DOSSIER_STATES.filter(isLive)).toEqual([...LIVE_STATES]);
    for (const s of DOSSIER_STATES) if (holdsCitizenProperty(s)) expect(isLive(s)).toBe(true);
    expect(isLive('at_counter')).toBe(false);
    expect(holdsCitizenProperty('reserved')).toBe(false);
    expect(holdsCitizenProperty('needs_inspection')).toBe(true);
  });
});
