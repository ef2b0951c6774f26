import { getDossier } from '../apply-event';
import { audit, dossierSubject, type LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import type { DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';
import { openDossierDoor } from './dossier-door';
import { allInState, type WorkItem, workItem } from './work-item';

export interface CollectionFlow {
  /** Dossiers waiting in their doors for staff. */
  listDeposited(): WorkItem[];
  /**
   * Opens the dossier's door for a staff member. When the door closes empty the dossier is with
   * staff (at_counter); closed on it, it stays deposited.
   */
  open(dossierId: number, staffId: string): Promise<DoorOpenResult>;
  /** Staff registered the dossier in the one-stop software: record its code there. */
  confirm(dossierId: number, externalCode: string, staffId: string): void;
}

export function collectionFlow(ctx: LedgerContext, engine: DoorEngine): CollectionFlow {
  return {
    listDeposited: () => allInState(ctx, 'deposited').map((d) => workItem(ctx, d)),
    open: (dossierId, staffId) =>
      openDossierDoor(ctx, engine, dossierId, {
        purpose: 'collect',
        actor: { role: 'staff', id: staffId },
        event: { type: 'open_for_collection' },
      }),
    confirm(dossierId, externalCode, staffId) {
      const code = externalCode.trim();
      if (code.length === 0 || code.length > 64)
        throw new LedgerError('bad_input', 'code must be 1-64 characters');
      ctx.store.write(() => {
        const dossier = getDossier(ctx, dossierId);
        if (dossier.state !== 'at_counter') {
          throw new LedgerError('not_allowed', 'only a dossier with staff can be registered', { dossierId });
        }
        ctx.store.dossiers.update(dossierId, { externalCode: code }, 'at_counter');
        audit(ctx, { role: 'staff', id: staffId }, 'dossier.registered', dossierSubject(dossierId), {});
      });
    },
  };
}
