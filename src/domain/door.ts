/**
 * The door vocabulary of the ledger, owned here so the rules and the ledger speak of doors in
 * their own terms; the composition root adapts the lock-board driver to it (src/daemon/link-door-port.ts).
 *
 * Three meanings of "door" meet in this project; each has its own name:
 * - the painted number a citizen reads on the door is the locker's `position` (store, pages);
 * - where the door is wired is its `DoorWiring` (bank, board, channel), known only to the adapter;
 * - everything above the adapter names a door by its locker id.
 */

/** Where a locker's door is wired: the bank (one bus), the board on that bus, the 0-based channel. */
export interface DoorWiring {
  readonly bank: number;
  readonly board: number;
  readonly channel: number;
}

/** What the sensors of one door say. `present` is null where the door has no presence sensor. */
export interface DoorReading {
  readonly locked: boolean;
  readonly open: boolean;
  readonly present: boolean | null;
}

/**
 * How an open command ended, as a fact about the door. The kinds are stored as they are
 * (door_operations.outcome) and shown to the kiosk, so they are part of the record:
 * - opened: the door was seen open after the command;
 * - already_open: it read open before the command (left ajar, forced, or a cut sensor cable);
 * - jammed: the lock fired but no open was seen;
 * - refused: the board said no and did not execute: the door surely did not open;
 * - link_down: no answer. `maybeExecuted` is true when the command may have reached the board:
 *   then the outcome is unknown, never "did not open".
 */
export type DoorOutcome =
  | { readonly kind: 'opened' }
  | { readonly kind: 'already_open' }
  | { readonly kind: 'jammed' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'link_down'; readonly maybeExecuted: boolean; readonly detail: string };

export type DoorOutcomeKind = DoorOutcome['kind'];

/** Every way an open can end other than opened. */
export type DoorFailure = Exclude<DoorOutcomeKind, 'opened'>;
