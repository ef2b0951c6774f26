import { DomainError } from '../../../src/domain/errors';
import type { CloseResult, DoorOpenResult } from '../../../src/ledger';
import { LedgerError } from '../../../src/ledger';
import { PROCEDURE } from './bank-layout';
import type { OperationKind, WorkerLine } from './protocol';
import type { Random } from './random';
import type { Daemon } from './worker-ledger';

export type ActorContext = {
  readonly daemon: Daemon;
  readonly random: Random;
  /** Pickup QR payloads by dossier id: the citizens' receipts. */
  readonly wallet: Map<number, string>;
  /** Dossiers an actor is working on, so two actors never pick the same one. */
  readonly busy: Set<number>;
  readonly emit: (line: WorkerLine) => void;
};

type Job = { kind: OperationKind; dossierId: number | null; run: () => Promise<DoorOpenResult> };

const STAFF = 'S01';

/** One person's next errand at the machine, from what the ledger currently has to do. */
function chooseJob(ctx: ActorContext): Job | null {
  const { ledger, store } = ctx.daemon;
  const free = (ids: number[]) => ids.filter((id) => !ctx.busy.has(id));
  const deposited = free(ledger.collection.listDeposited().map((w) => w.dossierId));
  const atCounter = free(store.dossiers.listByState('at_counter', 200).map((d) => d.id));
  const ready = free(store.dossiers.listByState('ready', 200).map((d) => d.id));
  const withReceipt = ready.filter((id) => ctx.wallet.has(id) && store.credentials.get(id)?.usedAt === null);
  const stale = ready.filter((id) => !withReceipt.includes(id));

  const jobs: (Job & { weight: number })[] = [];
  jobs.push({
    kind: 'dropoff',
    dossierId: null,
    weight: 3,
    run: () =>
      ledger.dropOff.start({
        procedureCode: PROCEDURE,
        applicantName: 'Nguyen Van A',
        applicantPhone: '0901234567',
      }),
  });
  if (deposited.length > 0) {
    const id = ctx.random.pick(deposited);
    jobs.push({ kind: 'collect', dossierId: id, weight: 2, run: () => ledger.collection.open(id, STAFF) });
  }
  if (atCounter.length > 0) {
    const id = ctx.random.pick(atCounter);
    jobs.push({ kind: 'load', dossierId: id, weight: 2, run: () => ledger.loading.open(id, STAFF) });
  }
  if (withReceipt.length > 0) {
    const id = ctx.random.pick(withReceipt);
    const qr = ctx.wallet.get(id)!;
    jobs.push({ kind: 'pickup', dossierId: id, weight: 3, run: () => ledger.pickup.start({ qr }) });
  }
  if (stale.length > 0) {
    const id = ctx.random.pick(stale);
    jobs.push({ kind: 'reclaim', dossierId: id, weight: 1, run: () => ledger.reclaim.open(id, STAFF) });
  }
  const total = jobs.reduce((sum, j) => sum + j.weight, 0);
  let roll = ctx.random.next() * total;
  for (const job of jobs) {
    roll -= job.weight;
    if (roll < 0) return job;
  }
  return jobs[0] ?? null;
}

function refusalCode(error: unknown): string | null {
  if (error instanceof DomainError) return error.code;
  if (error instanceof LedgerError) return error.code;
  return null;
}

/** Runs one errand to its end: the open, then the close the ledger settles. */
export async function runOneJob(ctx: ActorContext): Promise<void> {
  const job = chooseJob(ctx);
  if (!job) return;
  if (job.dossierId !== null) ctx.busy.add(job.dossierId);
  try {
    let opened: DoorOpenResult;
    try {
      opened = await job.run();
    } catch (error) {
      const code = refusalCode(error);
      if (code === null) throw error;
      ctx.emit({ type: 'operation', kind: job.kind, outcome: `refused:${code}` });
      return;
    }
    const closed: CloseResult = await ctx.daemon.ledger.awaitClose(opened.operationId);
    if (job.kind === 'dropoff' && closed.issued && closed.dossierId !== null) {
      // Only now has the citizen a receipt: the deposit's commit has returned.
      ctx.wallet.set(closed.dossierId, closed.issued.qrPayload);
      ctx.emit({ type: 'deposited', dossierId: closed.dossierId, receiptNo: closed.issued.receiptNo });
      ctx.emit({ type: 'credential', dossierId: closed.dossierId, secret: closed.issued.qrPayload });
    }
    ctx.emit({
      type: 'operation',
      kind: job.kind,
      outcome: closed.needsInspection
        ? `needs_inspection:${closed.outcome}`
        : (closed.state ?? closed.outcome),
    });
  } finally {
    if (job.dossierId !== null) ctx.busy.delete(job.dossierId);
  }
}
