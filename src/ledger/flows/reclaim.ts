import type { LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import type { DoorOpenResult } from '../door-results';
import { openDossierDoor } from './dossier-door';
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
    open: (dossierId, staffId) =>
      openDossierDoor(ctx, engine, dossierId, {
        purpose: 'reclaim',
        actor: { role: 'staff', id: staffId },
        event: {
          type: 'open_for_reclaim',
          now: new Date(ctx.clock()),
          reclaimAfterDays: ctx.reclaimAfterDays,
        },
      }),
  };
}
