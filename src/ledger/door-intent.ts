import type { DossierEvent } from '../domain/lifecycle';
import type { DoorPurpose, Dossier, DossierPatch } from '../store';
import { applyEvent } from './apply-event';
import { type ActorRef, actorLabel, audit, type LedgerContext, lockerSubject } from './context';
import { LedgerError } from './errors';

export interface DoorIntent {
  readonly lockerId: number;
  /** The dossier the door is opened for; null for a technician's open of an empty door. */
  readonly dossier: Dossier | null;
  readonly purpose: DoorPurpose;
  readonly actor: ActorRef;
  /** The open_for_* step recorded with the intent; null when the dossier is already in its open state. */
  readonly event: DossierEvent | null;
  readonly patch?: DossierPatch;
  /** Why a technician opens the door (audited). */
  readonly reason?: string;
}

/**
 * Records a door operation's intent: the operation row (state intent), the dossier's step and
 * the audit entry, all in the caller's write transaction, BEFORE any command goes to a board.
 * Returns the operation id, which DoorEngine.execute() then carries out.
 */
export function recordDoorIntent(ctx: LedgerContext, intent: DoorIntent): number {
  const { store } = ctx;
  const door = store.lockers.occupancy(intent.lockerId);
  if (!door) throw new LedgerError('not_found', 'no such locker', { lockerId: intent.lockerId });
  if (door.unsettledOperation) {
    throw new LedgerError('door_busy', 'an operation on this door is not settled', { lockerId: door.id });
  }
  if (!door.inService && intent.purpose !== 'tech_open' && intent.purpose !== 'inspect') {
    throw new LedgerError('not_allowed', 'door is out of service', { lockerId: door.id });
  }
  if (intent.dossier && intent.event)
    applyEvent(ctx, intent.dossier, intent.event, intent.actor, intent.patch);
  const operationId = store.doorOperations.recordIntent({
    lockerId: intent.lockerId,
    dossierId: intent.dossier?.id ?? null,
    purpose: intent.purpose,
    actor: actorLabel(intent.actor),
    createdAt: ctx.clock(),
  });
  audit(ctx, intent.actor, 'door.intent', lockerSubject(intent.lockerId), {
    operationId,
    purpose: intent.purpose,
    dossierId: intent.dossier?.id ?? null,
    ...(intent.reason ? { reason: intent.reason } : {}),
  });
  return operationId;
}
