import type { DoorReading } from '../domain/door';
import type { DossierEvent } from '../domain/lifecycle';
import { holdsCitizenProperty } from '../domain/states';
import type { DoorOperation, DoorPurpose, DossierState } from '../store';
import { applyEvent } from './apply-event';
import { audit, type LedgerContext, lockerSubject, SYSTEM } from './context';
import { loseTrack, OPEN_STATE } from './door-settle';
import { restoreUnusedCredential } from './issue-credentials';

export interface ReconcileReport {
  /** Every bus was ready within the wait. */
  readonly linkReady: boolean;
  readonly doorsRead: number;
  readonly doorsUnreadable: number;
  /** Unfinished door operations found. */
  readonly operations: number;
  readonly confirmed: number;
  readonly needsInspection: number;
  /** Incidents raised (doors found open, items where the ledger has none, missing items). */
  readonly incidents: number;
}

/**
 * An unfinished operation whose door is closed: the close that proves nothing was lost, whether
 * the command reached the board or not (the door engine commits no 'sent' marker: an operation
 * left in 'intent' may have been carried out, and 'sent' is only found in files written before). A deposit door
 * closed empty cancels (no receipt was given); a door opened to take something out that still
 * holds it goes back. Every other reading needs a person (an item nobody recorded, an empty door
 * that should have held something).
 */
const PROVEN_CLOSE: Partial<Record<DoorPurpose, { present: boolean; event: DossierEvent }>> = {
  deposit: { present: false, event: { type: 'closed_empty' } },
  collect: { present: true, event: { type: 'closed_with_item' } },
  load: { present: false, event: { type: 'closed_empty' } },
  pickup: { present: true, event: { type: 'closed_with_item' } },
  reclaim: { present: true, event: { type: 'closed_with_item' } },
};

type Verdict = { confirmed: true; outcome: string } | { confirmed: false; reason: string };

function settleOperation(ctx: LedgerContext, op: DoorOperation, reading: DoorReading | null): Verdict {
  const dossier = op.dossierId === null ? null : (ctx.store.dossiers.get(op.dossierId) ?? null);
  const verdict = ((): Verdict => {
    if (reading === null) return { confirmed: false, reason: 'door_unreadable_at_startup' };
    if (reading.open) return { confirmed: false, reason: 'door_open_at_startup' };
    const expected: DossierState | undefined = OPEN_STATE[op.purpose];
    if (expected === undefined) return { confirmed: true, outcome: 'closed_at_startup' };
    if (!dossier || dossier.state !== expected) return { confirmed: false, reason: 'dossier_state_mismatch' };
    if (reading.present === null) return { confirmed: false, reason: 'no_presence_reading' };
    const proven = PROVEN_CLOSE[op.purpose];
    if (!proven || reading.present !== proven.present) {
      return {
        confirmed: false,
        reason: reading.present ? 'closed_with_unrecorded_item' : 'closed_empty_unconfirmed',
      };
    }
    applyEvent(ctx, dossier, proven.event, SYSTEM);
    // The result is still in its door: nothing was handed over, the citizen's secret opens it again.
    if (op.purpose === 'pickup') restoreUnusedCredential(ctx, dossier.id);
    return { confirmed: true, outcome: proven.event.type };
  })();
  if (!verdict.confirmed) loseTrack(ctx, dossier);
  if (!verdict.confirmed && verdict.reason === 'door_open_at_startup') {
    ctx.store.incidents.open({ kind: 'door_open_at_startup', lockerId: op.lockerId, openedAt: ctx.clock() });
  }
  ctx.store.doorOperations.settle(op.id, {
    state: verdict.confirmed ? 'confirmed' : 'needs_inspection',
    outcome: verdict.confirmed ? verdict.outcome : null,
    reason: verdict.confirmed ? null : verdict.reason,
    at: ctx.clock(),
  });
  audit(ctx, SYSTEM, 'reconcile.operation', lockerSubject(op.lockerId), {
    operationId: op.id,
    confirmed: verdict.confirmed,
    ...(verdict.confirmed ? { outcome: verdict.outcome } : { reason: verdict.reason }),
  });
  return verdict;
}

/** A door no operation explains: open, holding an unrecorded item, or empty where property should be. */
function checkIdleDoor(ctx: LedgerContext, lockerId: number, reading: DoorReading): number {
  const live = ctx.store.dossiers.liveOnLocker(lockerId) ?? null;
  let kind: string | null = null;
  if (reading.open) kind = 'door_found_open';
  else if (reading.present === true && !live) kind = 'unexpected_item';
  else if (
    reading.present === false &&
    live &&
    live.state !== 'needs_inspection' &&
    holdsCitizenProperty(live.state)
  ) {
    kind = 'item_missing';
  }
  if (!kind) return 0;
  ctx.store.incidents.open({ kind, lockerId, openedAt: ctx.clock() });
  if (kind !== 'unexpected_item') loseTrack(ctx, live);
  audit(ctx, SYSTEM, 'reconcile.incident', lockerSubject(lockerId), { kind, dossierId: live?.id ?? null });
  return 1;
}

/**
 * Start-up: read every door, then settle every door operation a crash left unfinished, each in
 * its own write transaction: confirmed where the reading proves the outcome, needs_inspection
 * (with a reason) otherwise. Doors that no operation explains are checked too.
 */
export async function reconcile(ctx: LedgerContext, readyTimeoutMs: number): Promise<ReconcileReport> {
  const linkReady = await ctx.doors.whenReady(readyTimeoutMs);
  const readings = linkReady ? await ctx.doors.readAll() : new Map<number, DoorReading | null>();
  const lockers = ctx.store.lockers.list();
  let confirmed = 0;
  let needsInspection = 0;
  let incidents = 0;
  const unsettled = ctx.store.doorOperations.listUnsettled();
  const touched = new Set<number>();
  for (const op of unsettled) {
    touched.add(op.lockerId);
    const reading = readings.get(op.lockerId) ?? null;
    const verdict = ctx.store.write(() => settleOperation(ctx, op, reading));
    if (verdict.confirmed) confirmed++;
    else {
      needsInspection++;
      if (verdict.reason === 'door_open_at_startup') incidents++;
    }
  }
  let doorsRead = 0;
  for (const locker of lockers) {
    const reading = readings.get(locker.id) ?? null;
    if (reading === null) continue;
    doorsRead++;
    if (!touched.has(locker.id)) incidents += ctx.store.write(() => checkIdleDoor(ctx, locker.id, reading));
  }
  const report: ReconcileReport = {
    linkReady,
    doorsRead,
    doorsUnreadable: lockers.length - doorsRead,
    operations: unsettled.length,
    confirmed,
    needsInspection,
    incidents,
  };
  ctx.store.write(() => audit(ctx, SYSTEM, 'reconcile.done', null, { ...report }));
  return report;
}
