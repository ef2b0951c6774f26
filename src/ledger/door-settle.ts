import type { DoorOutcome } from '../domain/door';
import { eventForOpenOutcome } from '../domain/door-outcome';
import type { DossierEvent } from '../domain/lifecycle';
import { errorForOpenOutcome } from '../domain/refusals';
import { isLive } from '../domain/states';
import type { DoorOperation, DoorPurpose, Dossier, DossierState } from '../store';
import { applyEvent } from './apply-event';
import { audit, type LedgerContext, lockerSubject, SYSTEM } from './context';
import type { CloseOutcome, CloseResult, DoorOpenResult } from './door-results';
import { LedgerError } from './errors';
import { issueDropOffReceipt, issuePickupCode, restoreUnusedCredential } from './issue-credentials';

/** The state a dossier waits in while the door opened for this purpose is open. */
export const OPEN_STATE: Partial<Record<DoorPurpose, DossierState>> = {
  deposit: 'reserved',
  collect: 'collecting',
  load: 'loading',
  pickup: 'pickup_open',
  reclaim: 'reclaiming',
};

/** Operations that move a dossier when the door closes (a technician's open leaves it to them). */
const movesDossier = (op: DoorOperation) => OPEN_STATE[op.purpose] !== undefined;

function operation(ctx: LedgerContext, id: number): DoorOperation {
  const op = ctx.store.doorOperations.get(id);
  if (!op) throw new LedgerError('not_found', 'no such door operation', { operationId: id });
  return op;
}

/** Steps the dossier if the lifecycle allows it; false (nothing written) if it does not. */
function tryApply(ctx: LedgerContext, dossier: Dossier, event: DossierEvent): Dossier | null {
  try {
    return applyEvent(ctx, dossier, event, SYSTEM).dossier;
  } catch (error) {
    if (error instanceof LedgerError) return null;
    throw error;
  }
}

/** The machine lost track of a dossier's door: needs_inspection, unless it already is. */
export function loseTrack(ctx: LedgerContext, dossier: Dossier | null | undefined): Dossier | null {
  if (!dossier || !isLive(dossier.state)) return dossier ?? null;
  if (dossier.state === 'needs_inspection') return dossier;
  return tryApply(ctx, dossier, { type: 'lost_track' }) ?? dossier;
}

const INCIDENT_FOR: Partial<Record<DoorOutcome['kind'], string>> = {
  jammed: 'door_jammed',
  already_open: 'door_found_open',
};

/** When the open command left and when the door was seen open: recorded with the close. */
export interface OpenedTimes {
  readonly sentAt: number;
  readonly openedAt: number;
}

/**
 * How the open command ended. A door that opened writes nothing (its close's commit records the
 * open); any other outcome settles the operation, inside the caller's write transaction.
 */
export function recordOpenOutcome(
  ctx: LedgerContext,
  operationId: number,
  outcome: DoorOutcome,
  sentAt: number | null = null,
): DoorOpenResult {
  const op = operation(ctx, operationId);
  const now = ctx.clock();
  const position = ctx.store.lockers.get(op.lockerId)?.position ?? 0;
  const base = { operationId, lockerId: op.lockerId, doorPosition: position, dossierId: op.dossierId };
  if (outcome.kind === 'opened') return { ok: true, ...base };
  const event = eventForOpenOutcome(outcome) ?? { type: 'lost_track' };
  const dossier = op.dossierId === null ? null : ctx.store.dossiers.get(op.dossierId);
  let lost = event.type === 'lost_track';
  if (dossier && movesDossier(op) && dossier.state === OPEN_STATE[op.purpose]) {
    if (!tryApply(ctx, dossier, event)) {
      lost = true;
      loseTrack(ctx, dossier);
    } else if (!lost && op.purpose === 'pickup') restoreUnusedCredential(ctx, dossier.id);
  } else if (dossier && lost) {
    loseTrack(ctx, dossier);
  }
  const maybe = outcome.kind === 'link_down' && outcome.maybeExecuted;
  ctx.store.doorOperations.settle(operationId, {
    state: lost ? 'needs_inspection' : 'confirmed',
    outcome: outcome.kind,
    reason:
      outcome.kind === 'refused' ? outcome.reason : outcome.kind === 'link_down' ? outcome.detail : null,
    at: now,
    sentAt,
  });
  const incident = INCIDENT_FOR[outcome.kind] ?? (maybe ? 'open_unconfirmed' : undefined);
  if (incident) ctx.store.incidents.open({ kind: incident, lockerId: op.lockerId, openedAt: now });
  audit(ctx, SYSTEM, 'door.open_failed', lockerSubject(op.lockerId), {
    operationId,
    outcome: outcome.kind,
    needsInspection: lost,
  });
  return {
    ok: false,
    ...base,
    outcome: outcome.kind,
    error: errorForOpenOutcome(outcome.kind),
    needsInspection: lost,
  };
}

function result(
  op: DoorOperation,
  outcome: CloseOutcome,
  state: DossierState | null,
  reason: string | null,
): CloseResult {
  return {
    operationId: op.id,
    lockerId: op.lockerId,
    dossierId: op.dossierId,
    outcome,
    state,
    needsInspection: reason !== null,
    reason,
  };
}

/**
 * Inside a write transaction: the door closed; settle the dossier and the operation together.
 * `opened` carries the open's times kept in memory since the command (null when unknown).
 */
export function settleClose(
  ctx: LedgerContext,
  operationId: number,
  present: boolean | null,
  opened: OpenedTimes | null = null,
): CloseResult {
  const op = operation(ctx, operationId);
  const now = ctx.clock();
  const outcome: CloseOutcome =
    present === null ? 'closed_unknown' : present ? 'closed_with_item' : 'closed_empty';
  let dossier = op.dossierId === null ? null : (ctx.store.dossiers.get(op.dossierId) ?? null);
  let reason: string | null = null;
  let issued: CloseResult['issued'];
  if (dossier && movesDossier(op)) {
    const position = ctx.store.lockers.get(op.lockerId)?.position ?? 0;
    if (dossier.state !== OPEN_STATE[op.purpose]) reason = 'dossier_moved_while_open';
    else if (present === null) reason = 'no_presence_reading';
    const stepped = reason
      ? null
      : tryApply(ctx, dossier, { type: present ? 'closed_with_item' : 'closed_empty' });
    if (stepped) {
      dossier = stepped;
      if (op.purpose === 'deposit' && stepped.state === 'deposited') {
        issued = issueDropOffReceipt(ctx, stepped, position);
      }
      if (op.purpose === 'load' && stepped.state === 'ready') issuePickupCode(ctx, stepped, position);
      // The pickup door closed on the result: nothing was handed over, so the citizen's QR and
      // code open it again (the screen tells them to try again); a result taken ends them.
      if (op.purpose === 'pickup' && stepped.state === 'ready') restoreUnusedCredential(ctx, stepped.id);
      if (op.purpose === 'reclaim' && stepped.state === 'reclaimed') {
        // The citizen learns the result went back to the counter.
        ctx.store.outbox.enqueue({
          dossierId: stepped.id,
          kind: 'result_reclaimed',
          payload: { receiptNo: stepped.receiptNo },
          at: now,
        });
      }
    } else {
      reason ??= 'lifecycle_refused_close';
      dossier = loseTrack(ctx, dossier);
    }
  }
  ctx.store.doorOperations.settle(operationId, {
    state: reason ? 'needs_inspection' : 'confirmed',
    outcome,
    reason,
    at: now,
    sentAt: opened?.sentAt ?? null,
  });
  audit(ctx, SYSTEM, 'door.closed', lockerSubject(op.lockerId), {
    operationId,
    outcome,
    ...(opened ? { openedAt: opened.openedAt } : {}),
  });
  const done = result(op, outcome, dossier?.state ?? null, reason);
  return issued ? { ...done, issued } : done;
}

/** Inside a write transaction: the door stayed open too long. An incident, and a person must look. */
export function settleTimeout(
  ctx: LedgerContext,
  operationId: number,
  sentAt: number | null = null,
): CloseResult {
  const op = operation(ctx, operationId);
  const now = ctx.clock();
  const dossier = loseTrack(ctx, op.dossierId === null ? null : ctx.store.dossiers.get(op.dossierId));
  ctx.store.doorOperations.settle(operationId, {
    state: 'needs_inspection',
    outcome: 'open_timeout',
    reason: 'door left open past the timeout',
    at: now,
    sentAt,
  });
  ctx.store.incidents.open({ kind: 'door_left_open', lockerId: op.lockerId, openedAt: now });
  audit(ctx, SYSTEM, 'door.open_timeout', lockerSubject(op.lockerId), { operationId });
  return result(op, 'open_timeout', dossier?.state ?? null, 'open_timeout');
}

/**
 * How long after an open that ended unconfirmed (the link went down once the command may have
 * reached the board) a door seen open is said to be probably that open: a reconnect can take
 * minutes when a cable is out, and the board carries the command out the moment it has it.
 */
export const LATE_OPEN_WINDOW_MS = 10 * 60_000;

/**
 * A door opened that nobody asked for: an alarm, and its dossier needs inspection. When the
 * door's last operation ended unconfirmed a short while ago, the incident says so, so whoever
 * looks first suspects that open carried out late, not a break-in; a person must look either way.
 */
export function recordUncommandedOpen(ctx: LedgerContext, lockerId: number): void {
  const now = ctx.clock();
  const [last] = ctx.store.doorOperations.listForLocker(lockerId, 1);
  // A link_down outcome settles as needs_inspection only when the command may have been executed.
  const unconfirmed =
    last !== undefined &&
    last.outcome === 'link_down' &&
    last.state === 'needs_inspection' &&
    last.settledAt !== null &&
    now - last.settledAt <= LATE_OPEN_WINDOW_MS
      ? last
      : null;
  const detail = unconfirmed
    ? `operation ${unconfirmed.id} (${unconfirmed.purpose}) on this door ended unconfirmed ` +
      `${Math.round((now - unconfirmed.settledAt!) / 1000)} s before (link down, maybe executed): ` +
      'probably that open, carried out late'
    : null;
  ctx.store.incidents.open({ kind: 'uncommanded_open', lockerId, openedAt: now, detail });
  loseTrack(ctx, ctx.store.dossiers.liveOnLocker(lockerId));
  audit(
    ctx,
    SYSTEM,
    'door.uncommanded_open',
    lockerSubject(lockerId),
    unconfirmed ? { afterUnconfirmedOperationId: unconfirmed.id } : {},
  );
}
