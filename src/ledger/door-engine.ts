import type { DoorOutcome } from '../domain/door';
import type { LedgerContext } from './context';
import type { DoorEvent } from './door-port';
import type { CloseOutcome, CloseResult, DoorOpenResult } from './door-results';
import { recordOpenOutcome, recordUncommandedOpen, settleClose, settleTimeout } from './door-settle';
import { LedgerError } from './errors';

/** A door operation whose command has been sent and whose close is not yet settled. */
interface Awaiting {
  readonly operationId: number;
  /** When the open command left, recorded with the outcome. */
  readonly sentAt: number;
  /** Null while the open's outcome is not known yet. */
  openedAt: number | null;
  /**
   * The door was seen open since this operation was sent. A close reported before that belongs
   * to an earlier opening of the door (a technician shutting it, a slow report) and is ignored.
   */
  seenOpen: boolean;
  /** A close seen before the open's outcome came back, replayed once it does. */
  earlyClose: { present: boolean | null } | null;
}

type Waiter = (result: CloseResult) => void;

/** Settled operations kept for a late awaitClose(); older ones are answered from the store. */
const KEPT_RESULTS = 1000;

export interface DoorEngine {
  /**
   * Carries out an operation whose intent is recorded: sends the open outside any transaction
   * and records the outcome (a refusal, a jam... at once; an open with its close). If the door opened, the close is settled when the door
   * reports it (or the timeout sweep gives up on it).
   */
  execute(operationId: number): Promise<DoorOpenResult>;
  /** Resolves when the operation's door closed and was settled (or timed out, or never opened). */
  awaitClose(operationId: number): Promise<CloseResult>;
  /** Settles every door left open past the timeout; returns how many. */
  sweep(): number;
  /** Door events from the port. */
  handle(event: DoorEvent): void;
  /** Operations waiting for their door to close. */
  openOperations(): number[];
}

const CLOSE_OUTCOMES: readonly string[] = [
  'closed_with_item',
  'closed_empty',
  'closed_unknown',
  'open_timeout',
];

/** The recorded outcome as a close outcome: an open's failure (refused, jammed...) never closed. */
function closeOutcomeOf(recorded: string | null): CloseOutcome {
  if (recorded === null) return 'closed_unknown';
  if (CLOSE_OUTCOMES.includes(recorded)) return recorded as CloseOutcome;
  return recorded.startsWith('closed_') ? 'closed_unknown' : 'not_opened';
}

export function createDoorEngine(ctx: LedgerContext): DoorEngine {
  const awaiting = new Map<number, Awaiting>(); // by locker id
  const results = new Map<number, CloseResult>(); // settled, not yet collected by awaitClose
  const waiters = new Map<number, Waiter[]>();

  function deliver(result: CloseResult): void {
    const list = waiters.get(result.operationId);
    if (!list || list.length === 0) {
      results.set(result.operationId, result);
      // Nobody may ever ask (a screen that went away): keep the newest only, in insertion order.
      for (const id of results.keys()) {
        if (results.size <= KEPT_RESULTS) break;
        results.delete(id);
      }
      return;
    }
    waiters.delete(result.operationId);
    // The receipt goes to the first caller only: the QR secret is handed out exactly once.
    const { issued: _issued, ...withoutReceipt } = result;
    list.forEach((w, i) => {
      w(i === 0 ? result : withoutReceipt);
    });
  }

  function close(lockerId: number, present: boolean | null): void {
    const entry = awaiting.get(lockerId);
    if (!entry) return;
    if (!entry.seenOpen) {
      ctx.logger.warn({ lockerId, operationId: entry.operationId }, 'close from before the open ignored');
      return;
    }
    if (entry.openedAt === null) {
      entry.earlyClose = { present };
      return;
    }
    const opened = { sentAt: entry.sentAt, openedAt: entry.openedAt };
    const settled = ctx.store.write(() => settleClose(ctx, entry.operationId, present, opened));
    awaiting.delete(lockerId);
    deliver(settled);
  }

  async function execute(operationId: number): Promise<DoorOpenResult> {
    const op = ctx.store.doorOperations.get(operationId);
    if (!op) throw new LedgerError('not_found', 'no such door operation', { operationId });
    // Two durable commits per operation: the intent (already committed by the caller) and the
    // outcome. No 'sent' marker: a crash after the command left leaves the operation in 'intent'
    // either way, and start-up reconciliation settles it by reading the door (README).
    if (op.state !== 'intent' || [...awaiting.values()].some((a) => a.operationId === operationId)) {
      throw new LedgerError('not_allowed', 'operation is not waiting to be sent', { operationId });
    }
    const sentAt = ctx.clock();
    const entry: Awaiting = { operationId, sentAt, openedAt: null, seenOpen: false, earlyClose: null };
    awaiting.set(op.lockerId, entry);
    let outcome: DoorOutcome;
    try {
      outcome = await ctx.doors.open(op.lockerId);
    } catch (error) {
      outcome = { kind: 'link_down', maybeExecuted: true, detail: (error as Error).message };
    }
    let recorded: DoorOpenResult;
    try {
      // The door opened: nothing to commit yet, the close's commit records it (sent and opened times).
      recorded =
        outcome.kind === 'opened'
          ? recordOpenOutcome(ctx, operationId, outcome, sentAt)
          : ctx.store.write(() => recordOpenOutcome(ctx, operationId, outcome, sentAt));
    } catch (error) {
      // The operation stays 'intent' in the store: start-up reconciliation settles it.
      awaiting.delete(op.lockerId);
      throw error;
    }
    if (!recorded.ok) {
      awaiting.delete(op.lockerId);
      deliver({
        operationId,
        lockerId: op.lockerId,
        dossierId: op.dossierId,
        outcome: 'not_opened',
        state: op.dossierId === null ? null : (ctx.store.dossiers.get(op.dossierId)?.state ?? null),
        needsInspection: recorded.needsInspection,
        reason: recorded.needsInspection ? recorded.outcome : null,
      });
      return recorded;
    }
    entry.openedAt = ctx.clock();
    entry.seenOpen = true;
    if (entry.earlyClose) close(op.lockerId, entry.earlyClose.present);
    return recorded;
  }

  function awaitClose(operationId: number): Promise<CloseResult> {
    const ready = results.get(operationId);
    if (ready) {
      results.delete(operationId);
      return Promise.resolve(ready);
    }
    const op = ctx.store.doorOperations.get(operationId);
    if (!op) return Promise.reject(new LedgerError('not_found', 'no such door operation', { operationId }));
    const pending = [...awaiting.values()].some((a) => a.operationId === operationId);
    if (!pending && op.state !== 'intent') {
      // Settled before (or by start-up reconciliation): report what the ledger recorded.
      const dossier = op.dossierId === null ? undefined : ctx.store.dossiers.get(op.dossierId);
      return Promise.resolve({
        operationId,
        lockerId: op.lockerId,
        dossierId: op.dossierId,
        outcome: closeOutcomeOf(op.outcome),
        state: dossier?.state ?? null,
        needsInspection: op.state === 'needs_inspection',
        reason: op.reason,
      });
    }
    return new Promise((resolve) => {
      const list = waiters.get(operationId) ?? [];
      list.push(resolve);
      waiters.set(operationId, list);
    });
  }

  function sweep(): number {
    const now = ctx.clock();
    let count = 0;
    for (const [lockerId, entry] of awaiting) {
      if (entry.openedAt === null || now - entry.openedAt < ctx.doorOpenTimeoutMs) continue;
      try {
        deliver(ctx.store.write(() => settleTimeout(ctx, entry.operationId, entry.sentAt)));
        awaiting.delete(lockerId);
        count++;
      } catch (error) {
        ctx.logger.error({ lockerId, error: (error as Error).message }, 'door left open not recorded');
      }
    }
    return count;
  }

  // A door event arrives from the driver's emitter: a failure here must not reach the driver.
  // The operation stays awaited, so the timeout sweep (or start-up reconciliation) settles it.
  function handle(event: DoorEvent): void {
    try {
      handleEvent(event);
    } catch (error) {
      ctx.logger.error(
        { lockerId: event.lockerId, event: event.type, error: (error as Error).message },
        'door event not recorded',
      );
    }
  }

  function handleEvent(event: DoorEvent): void {
    if (event.type === 'closed') {
      close(event.lockerId, event.present);
      return;
    }
    const entry = awaiting.get(event.lockerId);
    if (entry) {
      if (event.type === 'opened') entry.seenOpen = true;
      return;
    }
    // The driver reports an uncommanded open separately; an open it believes commanded (a
    // claim window still running) while the ledger has no operation on the door is one too.
    const alarm = event.type === 'uncommanded_open' || (event.type === 'opened' && event.commanded);
    if (alarm) ctx.store.write(() => recordUncommandedOpen(ctx, event.lockerId));
  }

  return {
    execute,
    awaitClose,
    sweep,
    handle,
    openOperations: () => [...awaiting.values()].map((a) => a.operationId),
  };
}
