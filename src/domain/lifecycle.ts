import { settleTargets } from './settle';
import type { Actor, DossierState } from './states';
import { isFinal, LIVE_STATES } from './states';

/**
 * What can happen to a dossier. Door events ("closed_with_item", "closed_empty", "door_failed",
 * "lost_track") are the controller's report of a door; the "open_for_*" events are a person's
 * request that the controller records before the open command goes to the board.
 * See states.ts for the diagram.
 */
export type DossierEvent =
  | { type: 'closed_with_item' } // the door closed and something is inside
  | { type: 'closed_empty' } // the door closed and the locker is empty
  | { type: 'door_failed' } // the door was never opened: the board refused, or surely never got the command
  | { type: 'back_out' } // the citizen cancelled the drop-off
  | { type: 'lost_track' } // crash, jam, untrusted sensor, door open too long: a person must look
  | { type: 'open_for_collection' }
  | { type: 'open_for_loading' }
  | { type: 'open_for_pickup' }
  | { type: 'open_for_reclaim'; now: Date; reclaimAfterDays: number }
  | { type: 'settle'; found: DossierState };

export type DossierEventType = DossierEvent['type'];

/** The events that create a dossier (there is no state before them). */
export type OpeningEvent = { type: 'open_dropoff' } | { type: 'register_result' };

/** What transition() needs to know of a dossier. */
export interface DossierFacts {
  state: DossierState;
  /** The state it was in when the machine lost track (set when entering needs_inspection). */
  inspectedFrom?: DossierState | null;
  /** When the door closed on the result (for the reclaim delay). */
  readyAt?: Date | null;
}

/** Who took the citizen's property out of a door in this step (null: nobody did). */
export type Handover = 'staff' | 'citizen' | null;

export type TransitionRefusal =
  | 'final_state' // the dossier is closed; nothing more happens to it
  | 'not_in_this_state' // the event makes no sense in the current state
  | 'actor_not_allowed' // the event is legal here, but not for this actor
  | 'reclaim_too_early' // the result has not waited the configured days
  | 'settle_not_allowed'; // the technician recorded a state this dossier cannot have reached

export type TransitionResult =
  | { ok: true; next: DossierState; handover: Handover; inspectedFrom: DossierState | null }
  | { ok: false; code: TransitionRefusal };

interface Rule {
  from: readonly DossierState[];
  event: DossierEventType;
  actors: readonly Actor[];
  to: DossierState | 'settled';
  handover?: Handover;
}

/** Any state that occupies a door can lose track of what the door did. */
const LOST_TRACK_FROM = LIVE_STATES;

/** Every legal step. Anything not listed is refused. */
export const RULES: readonly Rule[] = [
  { from: ['reserved'], event: 'closed_with_item', actors: ['system'], to: 'deposited' },
  { from: ['reserved'], event: 'closed_empty', actors: ['system'], to: 'cancelled' },
  { from: ['reserved'], event: 'door_failed', actors: ['system'], to: 'cancelled' },
  { from: ['reserved'], event: 'back_out', actors: ['citizen', 'system'], to: 'cancelled' },

  { from: ['deposited'], event: 'open_for_collection', actors: ['staff'], to: 'collecting' },
  {
    from: ['collecting'],
    event: 'closed_empty',
    actors: ['system', 'staff'],
    to: 'at_counter',
    handover: 'staff',
  },

  { from: ['at_counter'], event: 'open_for_loading', actors: ['staff'], to: 'loading' },
  { from: ['loading'], event: 'closed_with_item', actors: ['system'], to: 'ready' },
  { from: ['loading'], event: 'closed_empty', actors: ['system', 'staff'], to: 'at_counter' },
  { from: ['loading'], event: 'door_failed', actors: ['system'], to: 'at_counter' },

  { from: ['ready'], event: 'open_for_pickup', actors: ['citizen'], to: 'pickup_open' },
  { from: ['pickup_open'], event: 'closed_empty', actors: ['system'], to: 'picked_up', handover: 'citizen' },

  { from: ['ready'], event: 'open_for_reclaim', actors: ['staff'], to: 'reclaiming' },
  {
    from: ['reclaiming'],
    event: 'closed_empty',
    actors: ['system', 'staff'],
    to: 'reclaimed',
    handover: 'staff',
  },

  // A door opened to take something out closed with it still inside, or never opened: the
  // property stays where it was.
  { from: ['collecting'], event: 'closed_with_item', actors: ['system'], to: 'deposited' },
  { from: ['collecting'], event: 'door_failed', actors: ['system'], to: 'deposited' },
  { from: ['pickup_open', 'reclaiming'], event: 'closed_with_item', actors: ['system'], to: 'ready' },
  { from: ['pickup_open', 'reclaiming'], event: 'door_failed', actors: ['system'], to: 'ready' },

  { from: LOST_TRACK_FROM, event: 'lost_track', actors: ['system', 'technician'], to: 'needs_inspection' },
  { from: ['needs_inspection'], event: 'settle', actors: ['technician'], to: 'settled' },
];

/** The state a new dossier starts in, for the events that create one. */
export function begin(event: OpeningEvent, actor: Actor): TransitionResult {
  if (event.type === 'open_dropoff') {
    if (actor !== 'citizen') return { ok: false, code: 'actor_not_allowed' };
    return { ok: true, next: 'reserved', handover: null, inspectedFrom: null };
  }
  if (actor !== 'staff') return { ok: false, code: 'actor_not_allowed' };
  return { ok: true, next: 'at_counter', handover: null, inspectedFrom: null };
}

const DAY_MS = 86_400_000;

export function transition(dossier: DossierFacts, event: DossierEvent, actor: Actor): TransitionResult {
  if (isFinal(dossier.state)) return { ok: false, code: 'final_state' };
  const candidates = RULES.filter((r) => r.event === event.type && r.from.includes(dossier.state));
  if (candidates.length === 0) return { ok: false, code: 'not_in_this_state' };
  const rule = candidates.find((r) => r.actors.includes(actor));
  if (!rule) return { ok: false, code: 'actor_not_allowed' };

  if (event.type === 'open_for_reclaim' && dossier.readyAt) {
    // With no recorded time (a result settled back to ready by a technician) staff decide.
    if (event.now.getTime() - dossier.readyAt.getTime() < event.reclaimAfterDays * DAY_MS) {
      return { ok: false, code: 'reclaim_too_early' };
    }
  }

  if (rule.to === 'settled') {
    if (event.type !== 'settle') return { ok: false, code: 'not_in_this_state' };
    if (!settleTargets(dossier.inspectedFrom).includes(event.found)) {
      return { ok: false, code: 'settle_not_allowed' };
    }
    return { ok: true, next: event.found, handover: settleHandover(event.found), inspectedFrom: null };
  }

  const inspectedFrom =
    rule.to === 'needs_inspection'
      ? dossier.state === 'needs_inspection'
        ? (dossier.inspectedFrom ?? null)
        : dossier.state
      : null;
  return { ok: true, next: rule.to, handover: rule.handover ?? null, inspectedFrom };
}

/** Settling to a state outside a door means somebody took the item out of it. */
function settleHandover(found: DossierState): Handover {
  if (found === 'picked_up') return 'citizen';
  if (found === 'at_counter' || found === 'reclaimed') return 'staff';
  return null;
}
