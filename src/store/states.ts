/**
 * Dossier states as the store knows them. The lifecycle rules live in src/domain; this list only
 * has to name the same states. LIVE_DOSSIER_STATES are the states in which a dossier holds its
 * door: the partial UNIQUE index of migration 001 is written from the same list (frozen there, as
 * migrations must be), and a test checks both still agree.
 */
export const DOSSIER_STATES = [
  'reserved',
  'deposited',
  'collected',
  'result_loaded',
  'picked_up',
  'cancelled',
  'reclaimed',
  'needs_inspection',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** A needs-inspection dossier keeps its door: nobody knows what is inside until a person looks. */
export const LIVE_DOSSIER_STATES = ['reserved', 'deposited', 'result_loaded', 'needs_inspection'] as const;
export type LiveDossierState = (typeof LIVE_DOSSIER_STATES)[number];

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
