/**
 * The deposit's commit as the drop-off records it, timed against a bare commit on the same file.
 * The drop-off's transaction body is the ledger's own code (allocate, createDossier,
 * recordDoorIntent, as flows/drop-off.ts runs them), on a context whose doors all read closed
 * and empty; only the board command is left out, since it runs outside the transaction.
 */
import { localDate } from '../../src/domain/local-time';
import { DEFAULT_LOCKOUT_POLICY } from '../../src/domain/lockout';
import { MAX_DAILY_SEQUENCE } from '../../src/domain/receipt';
import type { DoorPort, DoorReading } from '../../src/ledger';
import { allocate } from '../../src/ledger/allocate';
import { CITIZEN, type LedgerContext, SILENT_LOGGER } from '../../src/ledger/context';
import { recordDoorIntent } from '../../src/ledger/door-intent';
import { recordOpenOutcome } from '../../src/ledger/door-settle';
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
): { operationId: number; bodyMs: number } {
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
    return { operationId, bodyMs: performance.now() - started };
  });
}

/** Frees the door again the way the ledger does when a board refuses the open: cancelled, settled. */
export function refuseDropOff(ctx: LedgerContext, operationId: number): void {
  ctx.store.write(() => recordOpenOutcome(ctx, operationId, { kind: 'refused', reason: 'benchmark' }));
}

/** A bare one-row commit: the floor any durable write pays (the WAL's fsync under synchronous=FULL). */
export function bareCommit(store: Store, i: number, at: number): void {
  store.write(() => store.settings.set('bench.commit', i, at));
}

/** Interleaved samples, so both kinds meet the same disk and the same neighbours. */
export function sampleCommits(
  store: Store,
  ctx: LedgerContext,
  procedureCode: string,
  samples: number,
): { deposit: number[]; body: number[]; bare: number[] } {
  const deposit: number[] = [];
  const body: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    const op = recordDropOff(ctx, procedureCode);
    deposit.push(performance.now() - t);
    body.push(op.bodyMs);
    refuseDropOff(ctx, op.operationId);
    t = performance.now();
    bareCommit(store, i, ctx.clock());
    bare.push(performance.now() - t);
  }
  return { deposit, body, bare };
}
