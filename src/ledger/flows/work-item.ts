import type { Dossier } from '../../store';
import type { LedgerContext } from '../context';

/** A dossier as staff lists show it: ids, dates and the door, no contact data. */
export interface WorkItem {
  readonly dossierId: number;
  readonly receiptNo: string;
  readonly procedureCode: string;
  readonly externalCode: string | null;
  readonly state: Dossier['state'];
  readonly lockerId: number | null;
  readonly doorPosition: number | null;
  readonly appointmentDate: string | null;
  readonly depositedAt: number | null;
  readonly readyAt: number | null;
}

export function workItem(ctx: LedgerContext, d: Dossier): WorkItem {
  return {
    dossierId: d.id,
    receiptNo: d.receiptNo,
    procedureCode: d.procedureCode,
    externalCode: d.externalCode,
    state: d.state,
    lockerId: d.lockerId,
    doorPosition: d.lockerId === null ? null : (ctx.store.lockers.get(d.lockerId)?.position ?? null),
    appointmentDate: d.appointmentDate,
    depositedAt: d.depositedAt,
    readyAt: d.readyAt,
  };
}

/** Every dossier in a state, page by page (the store lists by id). */
export function allInState(ctx: LedgerContext, state: Dossier['state']): Dossier[] {
  const out: Dossier[] = [];
  for (let after = 0; ; ) {
    const page = ctx.store.dossiers.listByState(state, 500, after);
    out.push(...page);
    if (page.length < 500) return out;
    after = page[page.length - 1]!.id;
  }
}
