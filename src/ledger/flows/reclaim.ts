import { getDossier } from '../apply-event';
import type { LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import { recordDoorIntent } from '../door-intent';
import type { DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';
import { allInState, type WorkItem, workItem } from './work-item';

const DAY_MS = 86_400_000;

export interface ReclaimFlow {
  /** Results ready for longer than the reclaim delay. */
  listDue(): WorkItem[];
  /** Opens the door for staff; closed empty -> reclaimed, closed on the result -> still ready. */
  open(dossierId: number, staffId: string): Promise<DoorOpenResult>;
}

export function reclaimFlow(ctx: LedgerContext, engine: DoorEngine): ReclaimFlow {
  return {
    listDue() {
      const cutoff = ctx.clock() - ctx.reclaimAfterDays * DAY_MS;
      return allInState(ctx, 'ready')
        .filter((d) => d.readyAt === null || d.readyAt <= cutoff)
        .map((d) => workItem(ctx, d));
    },
    async open(dossierId, staffId) {
      const operationId = ctx.store.write(() => {
        const dossier = getDossier(ctx, dossierId);
        if (dossier.lockerId === null) throw new LedgerError('not_allowed', 'dossier has no door');
        return recordDoorIntent(ctx, {
          lockerId: dossier.lockerId,
          dossier,
          purpose: 'reclaim',
          actor: { role: 'staff', id: staffId },
          event: {
            type: 'open_for_reclaim',
            now: new Date(ctx.clock()),
            reclaimAfterDays: ctx.reclaimAfterDays,
          },
        });
      });
      return engine.execute(operationId);
    },
  };
}
