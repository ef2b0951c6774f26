import { DOSSIER_STATES, FINAL_STATES, LIVE_STATES } from '../domain/states';

/**
 * Dossier states are the domain's (src/domain/states.ts), defined there only; the store's rows
 * carry its `DossierState`. LIVE_STATES are the states in which a dossier holds its door:
 * migration 001 writes the partial UNIQUE index from the same list (frozen there, as migrations
 * must be), and a test checks that both still agree; a change to the domain's list needs a new
 * migration that rebuilds the index.
 */
export type { DossierState } from '../domain/states';

/** The live list as an SQL `IN (...)` body, written exactly as the index's WHERE clause is. */
export const LIVE_STATES_SQL = LIVE_STATES.map((s) => `'${s}'`).join(',');

/**
 * States a dossier can still leave: every state but the final ones. Migration 005 writes the
 * work-list index (dossiers_open_state) from this list, frozen there; a test checks both agree.
 */
export const OPEN_DOSSIER_STATES = DOSSIER_STATES.filter(
  (s) => !(FINAL_STATES as readonly string[]).includes(s),
);

/** The open list as an SQL `IN (...)` body, written exactly as the work-list index's WHERE is. */
export const OPEN_STATES_SQL = OPEN_DOSSIER_STATES.map((s) => `'${s}'`).join(',');

export function isOpenState(state: string): boolean {
  return (OPEN_DOSSIER_STATES as readonly string[]).includes(state);
}

export const DOSSIER_ORIGINS = ['kiosk', 'online', 'counter'] as const;
export type DossierOrigin = (typeof DOSSIER_ORIGINS)[number];

export const LOCKER_SIZES = ['S', 'M', 'L'] as const;
export type LockerSize = (typeof LOCKER_SIZES)[number];

export const DOOR_PURPOSES = [
  'deposit',
  'collect',
  'load',
  'pickup',
  'reclaim',
  'inspect',
  'tech_open',
] as const;
export type DoorPurpose = (typeof DOOR_PURPOSES)[number];

export const DOOR_OPERATION_STATES = ['intent', 'sent', 'confirmed', 'needs_inspection'] as const;
export type DoorOperationState = (typeof DOOR_OPERATION_STATES)[number];

export const STAFF_ROLES = ['staff', 'technician', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const OUTBOX_STATES = ['pending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
