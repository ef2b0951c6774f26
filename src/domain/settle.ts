import type { DossierState, LiveState } from './states';

/**
 * What a technician may record after looking at a door in needs_inspection, by the state the
 * dossier was in when the machine lost track. The choices are the physical truths that state can
 * lead to; anything else would rewrite history (a drop-off can never be found "picked up").
 */
export const SETTLE_TARGETS: Readonly<
  Record<Exclude<LiveState, 'needs_inspection'>, readonly DossierState[]>
> = {
  // The citizen had the door open: the dossier is inside, or it is not, or the technician
  // took it to the counter.
  reserved: ['deposited', 'cancelled', 'at_counter'],
  // A dossier was inside: still there, handed to the counter, or gone (an incident).
  deposited: ['deposited', 'at_counter', 'missing'],
  collecting: ['deposited', 'at_counter', 'missing'],
  // Staff were loading: the result is inside, or it is still with them.
  loading: ['ready', 'at_counter'],
  // A result was inside with no door opened for anyone: still there, taken back, or gone.
  ready: ['ready', 'reclaimed', 'missing'],
  // The door was opened for the citizen: an empty door means the citizen took it.
  pickup_open: ['ready', 'picked_up'],
  // The door was opened for staff: an empty door means staff took it back.
  reclaiming: ['ready', 'reclaimed'],
};

const ANY_TARGET: readonly DossierState[] = [...new Set(Object.values(SETTLE_TARGETS).flat())];

/** The settle choices for a dossier; with no recorded origin, the technician may record any. */
export function settleTargets(inspectedFrom: DossierState | null | undefined): readonly DossierState[] {
  if (inspectedFrom === null || inspectedFrom === undefined || inspectedFrom === 'needs_inspection') {
    return ANY_TARGET;
  }
  return (SETTLE_TARGETS as Partial<Record<DossierState, readonly DossierState[]>>)[inspectedFrom] ?? [];
}
