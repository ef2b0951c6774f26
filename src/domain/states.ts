/**
 * The states of one dossier in the ledger, and what each state means for a door.
 *
 *  [citizen] open_dropoff
 *        |
 *        v
 *    reserved --closed_empty | back_out | door_failed--> cancelled
 *        | closed_with_item
 *        v
 *    deposited --open_for_collection [staff]--> collecting
 *        ^                                          |
 *        +------closed_with_item | door_failed------+
 *                                                   | closed_empty (staff took it)
 *                                                   v
 *  [staff] register_result ---------------------> at_counter <-----------------+
 *  (filed online or at the counter)                 |                          |
 *                                                   | open_for_loading [staff] | closed_empty |
 *                                                   v                          | door_failed
 *                                                loading ----------------------+
 *                                                   | closed_with_item (citizen notified)
 *                                                   v
 *    pickup_open <--open_for_pickup [citizen]---- ready ----open_for_reclaim [staff]----> reclaiming
 *        |     |                                  ^  ^       (after N days)                |    |
 *        |     +--closed_with_item | door_failed--+  +--closed_with_item | door_failed-----+    |
 *        | closed_empty (citizen took it)                              closed_empty (staff took it) |
 *        v                                                                                     v
 *    picked_up                                                                             reclaimed
 *
 *  any live state --lost_track--> needs_inspection --settle(found) [technician]--> the state found
 *
 * Door events come from the controller (actor "system"); see lifecycle.ts for the full table.
 *
 * Why the door-open states (reserved, collecting, loading, pickup_open, reclaiming) exist: a
 * door that is open is not yet a settled fact. Until it is seen closed the dossier keeps the
 * door (the state is live), so no other dossier can be given it, and a crash in between leaves a
 * state that says exactly which outcome is missing.
 */
export const DOSSIER_STATES = [
  'reserved', // drop-off door opened for the citizen, not yet closed
  'deposited', // door closed on the dossier
  'collecting', // staff opened the door to take the dossier
  'at_counter', // the dossier (or its result) is with the one-stop counter staff
  'loading', // staff opened a door to load the result, not yet closed on it
  'ready', // door closed on the result; the citizen is notified
  'pickup_open', // the citizen's credential opened the door, not yet closed
  'reclaiming', // staff opened the door to take back an uncollected result
  'picked_up', // the citizen took the result (final)
  'cancelled', // nothing was left in the door (final)
  'reclaimed', // the uncollected result went back to the counter (final)
  'needs_inspection', // the machine lost track of a physical outcome; a technician must look
  'missing', // a technician found the door empty where something should have been (final incident)
] as const;

export type DossierState = (typeof DOSSIER_STATES)[number];

/**
 * States that occupy a door. The store keeps a partial unique index on the door for rows in
 * these states: one live dossier per door.
 */
export const LIVE_STATES = [
  'reserved',
  'deposited',
  'collecting',
  'loading',
  'ready',
  'pickup_open',
  'reclaiming',
  'needs_inspection',
] as const satisfies readonly DossierState[];

export type LiveState = (typeof LIVE_STATES)[number];

/**
 * States in which a door holds (or may hold) something that belongs to a citizen: the
 * dossier handed in, or the result made for them. needs_inspection is included because until
 * somebody looks, the machine must assume the item is still there.
 */
export const PROPERTY_STATES = [
  'deposited',
  'collecting',
  'ready',
  'pickup_open',
  'reclaiming',
  'needs_inspection',
] as const satisfies readonly LiveState[];

export const FINAL_STATES = [
  'picked_up',
  'cancelled',
  'reclaimed',
  'missing',
] as const satisfies readonly DossierState[];

export function isLive(state: DossierState): state is LiveState {
  return (LIVE_STATES as readonly DossierState[]).includes(state);
}

export function holdsCitizenProperty(state: DossierState): boolean {
  return (PROPERTY_STATES as readonly DossierState[]).includes(state);
}

export function isFinal(state: DossierState): boolean {
  return (FINAL_STATES as readonly DossierState[]).includes(state);
}

export const ACTORS = ['citizen', 'staff', 'technician', 'system'] as const;
export type Actor = (typeof ACTORS)[number];
