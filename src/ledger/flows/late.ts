import { isLate } from '../../domain/calendar';
import type { DossierState } from '../../store';
import { audit, dossierSubject, type LedgerContext, SYSTEM } from '../context';
import { allInState } from './work-item';

/** States in which the result is not yet in a door for the citizen. */
const AWAITING_RESULT: readonly DossierState[] = ['deposited', 'collecting', 'at_counter', 'loading'];

export interface LateFlow {
  /**
   * Marks late every dossier whose appointment day has ended without a result loaded, and queues
   * one apology notice for each (once: a dossier already marked is skipped). Returns the count.
   */
  run(): number;
}

export function lateFlow(ctx: LedgerContext): LateFlow {
  return {
    run() {
      const now = ctx.clock();
      let marked = 0;
      for (const state of AWAITING_RESULT) {
        for (const d of allInState(ctx, state)) {
          if (d.late || d.appointmentDate === null || !isLate(d.appointmentDate, new Date(now))) continue;
          ctx.store.write(() => {
            // Guarded on the state read: a dossier that moved meanwhile is looked at next run.
            if (!ctx.store.dossiers.update(d.id, { late: true, apologyAt: now }, d.state)) return;
            ctx.store.outbox.enqueue({
              dossierId: d.id,
              kind: 'apology',
              payload: { receiptNo: d.receiptNo, appointmentDate: d.appointmentDate },
              at: now,
            });
            audit(ctx, SYSTEM, 'dossier.late', dossierSubject(d.id), { appointmentDate: d.appointmentDate });
            marked++;
          });
        }
      }
      return marked;
    },
  };
}
