/**
 * Refusals of staff and technician requests that are not a citizen's business (a citizen meets
 * DomainError from src/domain/errors.ts, with a bilingual message).
 */
export type LedgerErrorCode =
  | 'not_found' // no dossier or locker with that id
  | 'not_allowed' // the lifecycle refuses this step for the dossier's state or this actor
  | 'door_busy' // an unsettled operation holds the door
  | 'bad_input'; // a value out of range (rating, reason...)

export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    /** Ids only, for logs. */
    readonly detail?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
