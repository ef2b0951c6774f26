/**
 * A whole deposit as the ledger commits it, timed against a bare commit on the same file. Its
 * durable writes are the ledger's own code, in the order the drop-off flow and the door engine
 * run them: the reservation (allocate, createDossier, recordDoorIntent), the two door-state
 * commits around the open (markSent, recordOpenOutcome 'opened'), and the confirmation when the
 * door closes on the dossier (settleClose: the dossier deposited, receipt and pickup credentials
 * issued, notice queued in the outbox, audit rows). The doors all read closed and empty; only the
 * board command and the citizen's time at the door are left out, since they run outside any
 * transaction. The store's idle work (checkpoint and log restart, idle-checkpoint.ts), which the
 * daemon's store runs after a quarter second without commits, runs where the kiosk would be
 * quiet: before a citizen's drop-off and while the citizen is at the open door.
 */
import { localDate } from '../../src/domain/local-time';
import { DEFAULT_LOCKOUT_POLICY } from '../../src/domain/lockout';
import { MAX_DAILY_SEQUENCE, receiptFor } from '../../src/domain/receipt';
import type { DoorPort, DoorReading } from '../../src/ledger';
import { allocate } from '../../src/ledger/allocate';
import { CITIZEN, type LedgerContext, SILENT_LOGGER } from '../../src/ledger/context';
import { recordDoorIntent } from '../../src/ledger/door-intent';
import { recordOpenOutcome, settleClose } from '../../src/ledger/door-settle';
import { createDossier } from '../../src/ledger/new-dossier';
import type { Store } from '../../src/store/database';

const CLOSED_EMPTY: DoorReading = { locked: true, open: false, present: false };

/** A door port that only answers the cached reading allocation asks for. */
function closedDoors(): DoorPort {
  const unused = () => Promise.reject(new Error('no board in the store benchmark'));
  return {
    open: unused,
    read: unused,
    readAll: unused,
    cached: () => CLOSED_EMPTY,
    whenReady: async () => true,
    subscribe: () => () => {},
  };
}

const KIOSK_CODE = '061';
const DAY_MS = 86_400_000;

/**
 * The wall clock moved forward by whole days to the first day whose receipt sequence still has
 * room for `dropOffs` more: every run leaves its (cancelled) drop-offs in the bench file, and a
 * kiosk's day holds at most 9999 receipts, so repeated runs on one day would run out.
 */
export function roomyClock(store: Store, dropOffs: number): () => number {
  let offset = 0;
  while (
    store.receipts.last(KIOSK_CODE, localDate(new Date(Date.now() + offset))) + dropOffs >
    MAX_DAILY_SEQUENCE
  ) {
    offset += DAY_MS;
  }
  return () => Date.now() + offset;
}

export function benchContext(store: Store, clock: () => number): LedgerContext {
  return {
    store,
    doors: closedDoors(),
    clock,
    kioskCode: KIOSK_CODE,
    kioskKey: Buffer.alloc(32, 0x42),
    calendar: { holidays: [], receivingClosesAt: 17 * 60 },
    lockoutPolicy: DEFAULT_LOCKOUT_POLICY,
    doorOpenTimeoutMs: 120_000,
    reclaimAfterDays: 14,
    retentionDays: 365,
    logger: SILENT_LOGGER,
  };
}

/**
 * One drop-off's transaction: the smallest free door, a new dossier, the door's intent. Returns
 * the operation id and how long the work inside the transaction took (the rest is BEGIN/COMMIT).
 */
export function recordDropOff(
  ctx: LedgerContext,
  procedureCode: string,
): { operationId: number; lockerId: number; bodyMs: number } {
  return ctx.store.write(() => {
    const started = performance.now();
    const procedure = ctx.store.procedures.get(procedureCode);
    if (!procedure) throw new Error(`no procedure ${procedureCode}`);
    const locker = allocate(ctx, procedure.lockerSize);
    const dossier = createDossier(ctx, { type: 'open_dropoff' }, CITIZEN, {
      applicantName: 'Tran Thi B',
      applicantPhone: '0912345678',
      procedureCode,
      origin: 'kiosk',
      externalCode: null,
      lockerId: locker.id,
    });
    const operationId = recordDoorIntent(ctx, {
      lockerId: locker.id,
      dossier,
      purpose: 'deposit',
      actor: CITIZEN,
      event: null,
    });
    return { operationId, lockerId: locker.id, bodyMs: performance.now() - started };
  });
}

const OPENED = { kind: 'opened', ackMs: 1, seenOpenMs: 2 } as const;

/** The door engine's reading of the open: nothing is committed until the door closes. */
export function recordDoorOpened(ctx: LedgerContext, operationId: number): void {
  recordOpenOutcome(ctx, operationId, OPENED, ctx.clock());
}

/**
 * The door closed on the dossier: the confirmation commit, which issues the receipt number, the
 * QR and typed-code credentials (hashes only), queues the notice and writes the audit rows.
 */
export function confirmDeposit(ctx: LedgerContext, operationId: number): void {
  const at = ctx.clock();
  const closed = ctx.store.write(() => settleClose(ctx, operationId, true, { sentAt: at, openedAt: at }));
  if (closed.state !== 'deposited' || !closed.issued) {
    throw new Error(`deposit ${operationId} not confirmed: ${closed.state} ${closed.reason ?? ''}`);
  }
}

/**
 * Frees the door for the next sample, untimed, in one commit: staff collect the dossier through
 * the ledger's own steps (intent, sent, opened, closed empty), so the dossier leaves its door as
 * at_counter and the history grows as a kiosk's would.
 */
export function collectDeposit(ctx: LedgerContext, operationId: number): void {
  ctx.store.write(() => {
    const dossierId = ctx.store.doorOperations.get(operationId)?.dossierId;
    const dossier =
      dossierId === null || dossierId === undefined ? undefined : ctx.store.dossiers.get(dossierId);
    if (!dossier || dossier.lockerId === null) throw new Error(`deposit ${operationId} holds no door`);
    const collect = recordDoorIntent(ctx, {
      lockerId: dossier.lockerId,
      dossier,
      purpose: 'collect',
      actor: { role: 'staff', id: 'bench' },
      event: { type: 'open_for_collection' },
    });
    recordOpenOutcome(ctx, collect, OPENED);
    const closed = settleClose(ctx, collect, false);
    if (closed.state !== 'at_counter') throw new Error(`collection of ${dossier.id} ended ${closed.state}`);
  });
}

/**
 * The reservation's rows alone, written through the same store statements in one commit: the
 * day's next receipt number, the dossier, the door's intent and the two audit rows. No
 * allocation, no lifecycle rules, nothing read back: what this schema costs a reservation before
 * any of the ledger's work, to tell the rows' share of deposit_txn from the code's.
 */
export function recordReservationRows(ctx: LedgerContext, lockerId: number, procedureCode: string): number[] {
  const { store } = ctx;
  return store.write(() => {
    const now = ctx.clock();
    const sequence = store.receipts.next(KIOSK_CODE, localDate(new Date(now)));
    const dossierId = store.dossiers.insert({
      receiptNo: receiptFor(KIOSK_CODE, new Date(now), sequence).compact,
      procedureCode,
      origin: 'kiosk',
      state: 'reserved',
      createdAt: now,
      lockerId,
      applicantName: 'Tran Thi B',
      applicantPhone: '0912345678',
    });
    store.audit.append({
      actor: 'citizen',
      action: 'dossier.open_dropoff',
      subject: `dossier:${dossierId}`,
      detail: { to: 'reserved', origin: 'kiosk', lockerId },
      at: now,
    });
    const operationId = store.doorOperations.recordIntent({
      lockerId,
      dossierId,
      purpose: 'deposit',
      actor: 'citizen',
      createdAt: now,
    });
    store.audit.append({
      actor: 'citizen',
      action: 'door.intent',
      subject: `locker:${lockerId}`,
      detail: { operationId, purpose: 'deposit', dossierId },
      at: now,
    });
    return [dossierId, operationId];
  });
}

/** Frees the door again, untimed: the drop-off cancelled before the door opened. */
export function cancelReservationRows(ctx: LedgerContext, [dossierId, operationId]: number[]): void {
  const { store } = ctx;
  store.write(() => {
    const at = ctx.clock();
    store.doorOperations.settle(operationId!, { state: 'confirmed', outcome: 'not_opened', at });
    store.dossiers.update(dossierId!, { state: 'cancelled', closedAt: at }, 'reserved');
    store.audit.append({
      actor: 'citizen',
      action: 'dossier.cancel',
      subject: `dossier:${dossierId}`,
      detail: { to: 'cancelled' },
      at,
    });
  });
}

/** A bare one-row commit: the floor any durable write pays (the WAL's fsync under synchronous=FULL). */
export function bareCommit(store: Store, i: number, at: number): void {
  store.write(() => store.settings.set('bench.commit', i, at));
}

export type DepositSamples = {
  /** Reservation plus confirmation, per deposit: the two commits the citizen's deposit is. */
  readonly deposit: number[];
  readonly reserve: number[];
  /** The work inside the reservation transaction (the rest is BEGIN/COMMIT and the fsync). */
  readonly reserveBody: number[];
  readonly confirm: number[];
  /** The door engine's work when the door opens (no commit since two-commit door operations). */
  readonly doorCommits: number[];
  /** The sampled drop-offs' dossiers (left at the counter by collectDeposit). */
  readonly dossierIds: number[];
  readonly bare: number[];
  /** The reservation's rows alone (recordReservationRows). */
  readonly rows: number[];
};

/** Interleaved samples, so every kind meets the same disk and the same neighbours. */
export function sampleDeposits(
  store: Store,
  ctx: LedgerContext,
  procedureCode: string,
  samples: number,
): DepositSamples {
  const out: { [K in keyof DepositSamples]: number[] } = {
    deposit: [],
    reserve: [],
    reserveBody: [],
    confirm: [],
    doorCommits: [],
    bare: [],
    rows: [],
    dossierIds: [],
  };
  for (let i = 0; i < samples; i++) {
    // Between two citizens.
    store.checkpointIdle();
    let t = performance.now();
    const op = recordDropOff(ctx, procedureCode);
    const reserve = performance.now() - t;
    t = performance.now();
    recordDoorOpened(ctx, op.operationId);
    out.doorCommits.push(performance.now() - t);
    // The citizen puts the papers in and closes the door: seconds.
    store.checkpointIdle();
    t = performance.now();
    confirmDeposit(ctx, op.operationId);
    const confirm = performance.now() - t;
    out.reserve.push(reserve);
    out.reserveBody.push(op.bodyMs);
    out.confirm.push(confirm);
    out.deposit.push(reserve + confirm);
    collectDeposit(ctx, op.operationId);
    const dossierId = ctx.store.doorOperations.get(op.operationId)?.dossierId;
    if (dossierId) out.dossierIds.push(dossierId);
    // The bare commit meets the store as the reservation does: after a quiet moment.
    store.checkpointIdle();
    t = performance.now();
    bareCommit(store, i, ctx.clock());
    out.bare.push(performance.now() - t);
    store.checkpointIdle();
    t = performance.now();
    const rows = recordReservationRows(ctx, op.lockerId, procedureCode);
    out.rows.push(performance.now() - t);
    cancelReservationRows(ctx, rows);
  }
  return out;
}

/**
 * The sampled drop-offs leave the counter's list, untimed, in one commit: the counter handed them
 * on. Without it every run would add its thousands of dossiers to the open lists of the bench
 * file, and the lists timed by the next run would measure the bench, not the kiosk.
 */
export function clearSampledDossiers(store: Store, dossierIds: readonly number[], at: number): void {
  store.write(() => {
    for (const id of dossierIds)
      store.dossiers.update(id, { state: 'reclaimed', closedAt: at, lockerId: null }, 'at_counter');
  });
}
