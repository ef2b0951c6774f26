import type { NoDoorReason } from './allocation';
import type { DoorFailure } from './door';
import type { DomainErrorCode } from './errors';
import type { QrParseError } from './qr-payload';
import type { ReceiptError } from './receipt';
import type { DossierState } from './states';

/**
 * Which citizen-facing error each rule's refusal becomes, so every screen says the same thing
 * for the same cause.
 */
export function errorForOpenOutcome(kind: DoorFailure): DomainErrorCode {
  switch (kind) {
    case 'jammed':
      return 'door_jammed';
    case 'refused':
      return 'door_refused';
    case 'link_down':
      return 'link_down';
    case 'already_open':
      return 'under_inspection';
  }
}

export function errorForNoDoor(_reason: NoDoorReason): DomainErrorCode {
  // The citizen's next step is the same whatever the reason; the reason goes to the log.
  return 'no_free_door';
}

export function errorForQr(code: QrParseError): DomainErrorCode {
  return code === 'qr_not_ours' ? 'not_our_qr' : 'garbled_scan';
}

export function errorForReceipt(_code: ReceiptError): DomainErrorCode {
  return 'receipt_mistyped';
}

/** Why a pickup cannot start for a dossier in this state; null when it can (ready). */
export function errorForPickup(state: DossierState): DomainErrorCode | null {
  switch (state) {
    case 'ready':
      return null;
    case 'reserved':
    case 'deposited':
    case 'collecting':
    case 'at_counter':
    case 'loading':
      return 'not_ready_yet';
    case 'picked_up':
      return 'already_picked_up';
    case 'reclaiming':
    case 'reclaimed':
      return 'result_reclaimed';
    case 'cancelled':
      return 'dossier_cancelled';
    case 'needs_inspection':
    case 'missing':
      return 'under_inspection';
    case 'pickup_open':
      return 'action_not_allowed';
  }
}
