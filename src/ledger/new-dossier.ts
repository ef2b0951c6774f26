import { begin, type OpeningEvent } from '../domain/lifecycle';
import { localDate } from '../domain/local-time';
import { receiptFor } from '../domain/receipt';
import type { Dossier, DossierOrigin } from '../store';
import { type ActorRef, audit, dossierSubject, type LedgerContext } from './context';
import { LedgerError } from './errors';

export interface Applicant {
  readonly applicantName: string;
  readonly applicantPhone: string;
}

export function checkApplicant(a: Applicant): void {
  if (a.applicantName.trim().length === 0 || a.applicantName.length > 200) {
    throw new LedgerError('bad_input', 'applicant name must be 1-200 characters');
  }
  if (!/^\+?\d{9,15}$/.test(a.applicantPhone.replace(/[\s.-]/g, ''))) {
    throw new LedgerError('bad_input', 'applicant phone must be 9-15 digits');
  }
}

/**
 * Creates a dossier with the next receipt number of the kiosk's day, inside the caller's write
 * transaction. The number is taken when the dossier is created (the store needs one), so a
 * cancelled drop-off leaves a gap in the day's sequence; the receipt is shown only once the
 * dossier is deposited.
 */
export function createDossier(
  ctx: LedgerContext,
  opening: OpeningEvent,
  actor: ActorRef,
  fields: Applicant & {
    procedureCode: string;
    origin: DossierOrigin;
    externalCode: string | null;
    lockerId: number | null;
  },
): Dossier {
  const started = begin(opening, actor.role);
  if (!started.ok) throw new LedgerError('not_allowed', `${opening.type} refused: ${started.code}`);
  const now = ctx.clock();
  const sequence = ctx.store.receipts.next(ctx.kioskCode, localDate(new Date(now)));
  const receipt = receiptFor(ctx.kioskCode, new Date(now), sequence);
  const id = ctx.store.dossiers.insert({
    receiptNo: receipt.compact,
    procedureCode: fields.procedureCode,
    origin: fields.origin,
    externalCode: fields.externalCode,
    state: started.next,
    createdAt: now,
    lockerId: fields.lockerId,
    applicantName: fields.applicantName.trim(),
    applicantPhone: fields.applicantPhone.replace(/[\s.-]/g, ''),
  });
  audit(ctx, actor, `dossier.${opening.type}`, dossierSubject(id), {
    to: started.next,
    origin: fields.origin,
    lockerId: fields.lockerId,
  });
  return ctx.store.dossiers.get(id)!;
}
