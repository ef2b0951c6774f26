import { parseReceipt } from '../../domain/receipt';
import type { DossierOrigin } from '../../store';
import { allocate } from '../allocate';
import { getDossier } from '../apply-event';
import type { LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import { recordDoorIntent } from '../door-intent';
import type { DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';
import { type Applicant, checkApplicant, createDossier } from '../new-dossier';
import { allInState, type WorkItem, workItem } from './work-item';

export interface RegisterResultRequest extends Applicant {
  readonly procedureCode: string;
  readonly origin: Exclude<DossierOrigin, 'kiosk'>;
  /** The dossier's code in the one-stop software. */
  readonly externalCode: string;
}

export interface LoadingFlow {
  /** A dossier by receipt number or one-stop-software code, if staff hold it (at_counter). */
  find(receiptOrCode: string): WorkItem | null;
  /** A result for a dossier filed online or at the counter: a new dossier with staff. */
  registerResult(request: RegisterResultRequest, staffId: string): WorkItem;
  /**
   * Allocates a door for the result and opens it. Closed on the result: ready, a typed code
   * issued and the pickup notice queued; closed empty: back with staff.
   */
  open(dossierId: number, staffId: string): Promise<DoorOpenResult>;
}

export function loadingFlow(ctx: LedgerContext, engine: DoorEngine): LoadingFlow {
  return {
    find(text) {
      const parsed = parseReceipt(text);
      const byReceipt = parsed.ok ? ctx.store.dossiers.getByReceiptNo(parsed.receipt.compact) : undefined;
      const found =
        byReceipt?.state === 'at_counter'
          ? byReceipt
          : allInState(ctx, 'at_counter').find((d) => d.externalCode === text.trim());
      return found ? workItem(ctx, found) : null;
    },
    registerResult(request, staffId) {
      checkApplicant(request);
      const code = request.externalCode.trim();
      if (code.length === 0) throw new LedgerError('bad_input', 'the one-stop-software code is required');
      return ctx.store.write(() => {
        if (!ctx.store.procedures.get(request.procedureCode)) {
          throw new LedgerError('not_found', 'no such procedure');
        }
        const dossier = createDossier(
          ctx,
          { type: 'register_result' },
          { role: 'staff', id: staffId },
          {
            ...request,
            externalCode: code,
            lockerId: null,
          },
        );
        return workItem(ctx, dossier);
      });
    },
    async open(dossierId, staffId) {
      const operationId = ctx.store.write(() => {
        const dossier = getDossier(ctx, dossierId);
        const procedure = ctx.store.procedures.get(dossier.procedureCode);
        const locker = allocate(ctx, procedure?.lockerSize ?? 'S');
        return recordDoorIntent(ctx, {
          lockerId: locker.id,
          dossier,
          purpose: 'load',
          actor: { role: 'staff', id: staffId },
          event: { type: 'open_for_loading' },
          patch: { lockerId: locker.id },
        });
      });
      return engine.execute(operationId);
    },
  };
}
