import type { DoorFailure } from '../domain/door';
import type { DomainErrorCode } from '../domain/errors';
import type { DossierState } from '../store';
import type { IssuedReceipt } from './issue-credentials';

/** How the open command of one door operation ended. */
export type DoorOpenResult =
  | {
      readonly ok: true;
      readonly operationId: number;
      readonly lockerId: number;
      /** The number painted on the door, to show on screen. */
      readonly doorPosition: number;
      readonly dossierId: number | null;
    }
  | {
      readonly ok: false;
      readonly operationId: number;
      readonly lockerId: number;
      readonly doorPosition: number;
      readonly dossierId: number | null;
      readonly outcome: DoorFailure;
      /** What to tell the person at the kiosk (bilingual message in DOMAIN_MESSAGES). */
      readonly error: DomainErrorCode;
      /** The ledger lost track: the dossier waits for a technician. */
      readonly needsInspection: boolean;
    };

export type CloseOutcome =
  | 'closed_with_item'
  | 'closed_empty'
  | 'closed_unknown' // closed, but no presence sensor could tell what is inside
  | 'open_timeout' // the door stayed open past the timeout
  | 'not_opened'; // the open failed (see DoorOpenResult)

/** How a door operation ended, once the door was seen closed (or never will be). */
export interface CloseResult {
  readonly operationId: number;
  readonly lockerId: number;
  readonly dossierId: number | null;
  readonly outcome: CloseOutcome;
  /** The dossier's state after the close; null for a door opened for no dossier. */
  readonly state: DossierState | null;
  readonly needsInspection: boolean;
  readonly reason: string | null;
  /** Set only for the drop-off that deposited, and only on the first awaitClose() that asks. */
  readonly issued?: IssuedReceipt;
}
