import { DomainError } from '../../domain/errors';
import { allocate } from '../allocate';
import { audit, CITIZEN, dossierSubject, type LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import { recordDoorIntent } from '../door-intent';
import type { CloseResult, DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';
import { type Applicant, checkApplicant, createDossier } from '../new-dossier';

export interface DropOffRequest extends Applicant {
  /** The procedure chosen on screen (for a dossier filed online: the procedure it was filed under). */
  readonly procedureCode: string;
  /** The code of a dossier filed online, when the citizen brings its paper originals. */
  readonly onlineCode?: string | null;
}

export interface DropOffFlow {
  /**
   * Reserves the smallest free door that fits, records the intent and opens it. Then call
   * awaitClose(operationId): a close on the dossier deposits it and returns the receipt (number,
   * appointment date, QR payload) exactly once; a close on an empty locker cancels.
   */
  start(request: DropOffRequest): Promise<DoorOpenResult>;
  /** The citizen pressed cancel with the door open: audited; closing the door empty cancels. */
  backOut(operationId: number): Promise<CloseResult>;
}

export function dropOffFlow(ctx: LedgerContext, engine: DoorEngine): DropOffFlow {
  return {
    async start(request) {
      checkApplicant(request);
      const operationId = ctx.store.write(() => {
        if (ctx.store.settings.maintenanceMode()) throw new DomainError('kiosk_maintenance');
        const procedure = ctx.store.procedures.get(request.procedureCode);
        if (!procedure?.active) throw new LedgerError('not_found', 'no such active procedure');
        const locker = allocate(ctx, procedure.lockerSize);
        const online = request.onlineCode ? request.onlineCode.trim() : null;
        const dossier = createDossier(ctx, { type: 'open_dropoff' }, CITIZEN, {
          ...request,
          origin: online ? 'online' : 'kiosk',
          externalCode: online,
          lockerId: locker.id,
        });
        return recordDoorIntent(ctx, {
          lockerId: locker.id,
          dossier,
          purpose: 'deposit',
          actor: CITIZEN,
          event: null,
        });
      });
      return engine.execute(operationId);
    },
    backOut(operationId) {
      const op = ctx.store.doorOperations.get(operationId);
      if (op?.purpose !== 'deposit' || op.dossierId === null) {
        throw new LedgerError('not_found', 'no such drop-off', { operationId });
      }
      const dossierId = op.dossierId;
      ctx.store.write(() =>
        audit(ctx, CITIZEN, 'dropoff.back_out', dossierSubject(dossierId), { operationId }),
      );
      return engine.awaitClose(operationId);
    },
  };
}
