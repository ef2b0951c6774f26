import type { DoorOutcome } from './door';
import type { DossierEvent } from './lifecycle';

/**
 * The ledger event for how an open command ended, or null when the door opened as asked and
 * the dossier now waits for the door to close.
 *
 * - refused: the board said no and did not execute: the door never opened.
 * - link_down without maybeExecuted: the command surely never reached a board.
 * - jammed: the lock fired but no open was seen. The door may be stuck, or open behind a
 *   broken sensor: an unconfirmed physical outcome, so a person must look.
 * - already_open: the door read open before our command (left ajar, forced, or a cut sensor
 *   cable). Whatever is inside was exposed before the citizen arrived: a person must look.
 * - link_down with maybeExecuted: the open may have happened: a person must look.
 */
export function eventForOpenOutcome(outcome: DoorOutcome): DossierEvent | null {
  switch (outcome.kind) {
    case 'opened':
      return null;
    case 'refused':
      return { type: 'door_failed' };
    case 'link_down':
      return outcome.maybeExecuted ? { type: 'lost_track' } : { type: 'door_failed' };
    case 'jammed':
    case 'already_open':
      return { type: 'lost_track' };
  }
}
