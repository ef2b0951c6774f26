import { type DossierEvent, transition } from '../domain/lifecycle';
import { isFinal } from '../domain/states';
import type { Dossier, DossierPatch, DossierState } from '../store';
import { type ActorRef, audit, dossierSubject, type LedgerContext } from './context';
import { LedgerError } from './errors';

export type Applied = { readonly from: DossierState; readonly to: DossierState; readonly dossier: Dossier };

/**
 * Moves a dossier by one lifecycle event, inside the caller's write transaction: the domain's
 * transition() decides, the store update is guarded on the state read (a racing path loses),
 * the timestamps the reports need are set, and the step is audited. Throws LedgerError (which
 * rolls the transaction back) when the lifecycle refuses.
 */
export function applyEvent(
  ctx: LedgerContext,
  dossier: Dossier,
  event: DossierEvent,
  actor: ActorRef,
  extra: DossierPatch = {},
): Applied {
  const result = transition(
    {
      state: dossier.state,
      inspectedFrom: dossier.inspectedFrom,
      readyAt: dossier.readyAt === null ? null : new Date(dossier.readyAt),
    },
    event,
    actor.role,
  );
  if (!result.ok) {
    throw new LedgerError('not_allowed', `${event.type} refused in ${dossier.state}: ${result.code}`, {
      dossierId: dossier.id,
    });
  }
  const now = ctx.clock();
  const from = dossier.state;
  const to = result.next;
  const patch: { -readonly [K in keyof DossierPatch]: DossierPatch[K] } = {
    state: to,
    inspectedFrom: result.inspectedFrom,
    ...extra,
  };
  if (to === 'deposited' && from === 'reserved') patch.depositedAt = now;
  if (to === 'at_counter' && result.handover === 'staff') patch.collectedAt = now;
  if (to === 'ready' && from === 'loading') patch.readyAt = now;
  if (to === 'picked_up') patch.pickedUpAt = now;
  if (isFinal(to)) patch.closedAt = now;
  if (!ctx.store.dossiers.update(dossier.id, patch, from)) {
    throw new LedgerError('not_allowed', `dossier left ${from} meanwhile`, { dossierId: dossier.id });
  }
  audit(ctx, actor, `dossier.${event.type}`, dossierSubject(dossier.id), {
    from,
    to,
    ...(result.handover ? { handover: result.handover } : {}),
    ...(event.type === 'settle' ? { found: event.found } : {}),
  });
  return { from, to, dossier: ctx.store.dossiers.get(dossier.id)! };
}

export function getDossier(ctx: LedgerContext, id: number): Dossier {
  const d = ctx.store.dossiers.get(id);
  if (!d) throw new LedgerError('not_found', 'no such dossier', { dossierId: id });
  return d;
}
