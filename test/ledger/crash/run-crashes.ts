import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSimulator } from '../../../hardware-sim/simulator';
import { openStore } from '../../../src/store/database';
import { BOARDS, DOORS_PER_BOARD, installBank } from './bank-layout';
import { type HandCounters, Hands } from './hands';
import { type AcknowledgedDeposit, checkInvariants } from './invariants';
import { OPERATION_KINDS, type OperationKind, type WorkerLine } from './protocol';
import { seededRandom } from './random';
import { settleInspections } from './technician-round';
import { WorkerProcess } from './worker-process';

export type CrashRunOptions = {
  readonly crashes: number;
  readonly seed: number;
  /** How long the worker runs between its start-up and the kill, drawn per round. */
  readonly runMs?: readonly [number, number];
  /** Share of the kills aimed at start-up, before reconciliation reports (default a third). */
  readonly startupKillShare?: number;
  readonly log?: (line: string) => void;
};

/** Where the kills aimed at start-up landed, read from the worker's lines and the ledger file. */
export type StartupKills = {
  readonly total: number;
  /** Store opening, migration check, link start: before reconciliation began. */
  readonly beforeReconciling: number;
  /** After the worker said RECONCILING and before RECONCILED: reading doors or settling. */
  readonly duringReconciliation: number;
  /** Of those, kills after some settlements committed and before `reconcile.done`: half a reconciliation on file. */
  readonly midSettlement: number;
  /** Too late: reconciliation had already finished. */
  readonly afterReconciled: number;
};

export type CrashRunSummary = {
  readonly seed: number;
  readonly crashes: number;
  readonly startupKills: StartupKills;
  readonly acknowledgedDeposits: number;
  /** Door operations the worker saw finish, by kind. */
  readonly operations: Readonly<Record<OperationKind, number>>;
  /** How they finished (the ledger's verdicts), across kinds. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly inspectionsSettled: number;
  readonly settleFailures: readonly string[];
  /** Unexpected errors the worker reported and carried on after. */
  readonly workerErrors: readonly string[];
  readonly violations: readonly string[];
  readonly hands: Readonly<HandCounters>;
  /** From START to the reconciliation report: open, migration check, connect, reconcile. */
  readonly restartMs: { readonly mean: number; readonly max: number };
  /** From RECONCILING to RECONCILED on the starts that ran through: reading doors, settling. */
  readonly reconcileMs: { readonly mean: number; readonly max: number };
  /** Time spent letting the hands finish before each technician's round. */
  readonly handsWaitSeconds: number;
  readonly seconds: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const START_TIMEOUT_MS = 30_000;

/** How far the killed start got on file: the audit rows reconciliation wrote after `afterSeq`. */
function reconcileRowsSince(db: string, afterSeq: number): { settled: number; done: boolean } {
  const file = new Database(db, { readonly: true });
  try {
    const rows = file
      .prepare("SELECT action FROM audit_log WHERE seq > ? AND action LIKE 'reconcile.%'")
      .all(afterSeq) as { action: string }[];
    return {
      settled: rows.filter((r) => r.action !== 'reconcile.done').length,
      done: rows.some((r) => r.action === 'reconcile.done'),
    };
  } finally {
    file.close();
  }
}

function auditHeadSeq(db: string): number {
  const file = new Database(db, { readonly: true });
  try {
    return (file.prepare('SELECT coalesce(max(seq), 0) AS seq FROM audit_log').get() as { seq: number }).seq;
  } finally {
    file.close();
  }
}

/**
 * The crash loop: boards and hands live here, the ledger runs in a child process that is killed
 * with SIGKILL at random moments and restarted; after every restart its start-up reconciliation
 * is checked against the ledger file and the physical doors.
 */
export async function runCrashRounds(options: CrashRunOptions): Promise<CrashRunSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const [minRun, maxRun] = options.runMs ?? [250, 1200];
  const random = seededRandom(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  const db = join(dir, 'ledger.db');
  const wallet = join(dir, 'wallet.json');

  const setup = openStore(db);
  installBank(setup);
  setup.close();

  const sim = createSimulator({ dialect: 'line', boards: BOARDS, doors: DOORS_PER_BOARD, baud: 'instant' });
  const port = await sim.listen('tcp://127.0.0.1:0');
  const hands = new Hands(sim, seededRandom(options.seed ^ 0x5eed));

  const acknowledged = new Map<number, AcknowledgedDeposit>();
  const credentials = new Map<number, string>();
  const operations = Object.fromEntries(OPERATION_KINDS.map((k) => [k, 0])) as Record<OperationKind, number>;
  const outcomes: Record<string, number> = {};
  const workerErrors: string[] = [];
  const violations: string[] = [];
  const settleFailures: string[] = [];
  let inspectionsSettled = 0;
  let crashes = 0;
  const restartMs: number[] = [];
  /** RECONCILING to RECONCILED on the starts that ran through: the window start-up kills aim at. */
  const reconcileMs: number[] = [];
  let handsWaitMs = 0;
  const startupKillShare = options.startupKillShare ?? 1 / 3;
  const startup = {
    total: 0,
    beforeReconciling: 0,
    duringReconciliation: 0,
    midSettlement: 0,
    afterReconciled: 0,
  };
  /** How far the current life's start-up got, from its lines. */
  let progress: 'starting' | 'reconciling' | 'reconciled' = 'starting';
  let reconcilingAt = 0;

  const onLine = (line: WorkerLine) => {
    switch (line.type) {
      case 'reconciling':
        progress = 'reconciling';
        reconcilingAt = performance.now();
        break;
      case 'reconciled':
        if (progress === 'reconciling') reconcileMs.push(performance.now() - reconcilingAt);
        progress = 'reconciled';
        break;
      case 'deposited':
        acknowledged.set(line.dossierId, { dossierId: line.dossierId, receiptNo: line.receiptNo });
        break;
      case 'credential':
        credentials.set(line.dossierId, line.secret);
        break;
      case 'operation':
        operations[line.kind] = (operations[line.kind] ?? 0) + 1;
        outcomes[`${line.kind}:${line.outcome}`] = (outcomes[`${line.kind}:${line.outcome}`] ?? 0) + 1;
        break;
      case 'error':
        workerErrors.push(line.message);
        break;
      default:
        break;
    }
  };

  let worker: WorkerProcess | null = null;
  // Two loaded spares, as a supervisor could keep: a start-up kill is followed at once by
  // another start, with no time for a fresh process to load its code.
  const spares: WorkerProcess[] = [];
  const topUpSpares = () => {
    while (spares.length < 2) spares.push(new WorkerProcess({ db, port, wallet, standby: true }, onLine));
  };
  try {
    for (;;) {
      // The citizens' pockets: pickup credentials survive the daemon, they are on paper.
      writeFileSync(wallet, JSON.stringify(Object.fromEntries(credentials)));
      topUpSpares();
      worker = spares.shift()!;
      // Timed from a loaded spare, as a supervisor keeps one: the start is the daemon's, not tsx's.
      await worker.whenLoaded(START_TIMEOUT_MS);
      progress = 'starting';
      const spawned = performance.now();

      // Some kills land while the daemon starts: after a crash left operations unfinished, the
      // power goes again while reconciliation reads the doors or settles them one by one.
      if (crashes > 0 && crashes < options.crashes && random.chance(startupKillShare)) {
        const seqBefore = auditHeadSeq(db);
        worker.send({ type: 'start' });
        topUpSpares();
        if (random.chance(0.75)) {
          // Inside the reconciliation window as measured on recent starts: their median, so most
          // kills land before the report rather than after it.
          const recent = reconcileMs.slice(-9).sort((a, b) => a - b);
          const window = recent.length > 0 ? recent[Math.floor(recent.length / 2)]! : 20;
          await worker.waitFor((l) => l.type === 'reconciling', 'start of reconciliation', START_TIMEOUT_MS);
          await sleep(random.int(0, Math.ceil(window)));
        } else {
          // Anywhere in the start-up as measured on earlier starts, opening the store included.
          const mean = restartMs.reduce((a, b) => a + b, 0) / Math.max(1, restartMs.length);
          await sleep(random.int(0, Math.ceil(mean)));
        }
        await worker.kill();
        worker = null;
        crashes++;
        startup.total++;
        if (progress === 'starting') startup.beforeReconciling++;
        else if (progress === 'reconciled') startup.afterReconciled++;
        else {
          startup.duringReconciliation++;
          const onFile = reconcileRowsSince(db, seqBefore);
          if (onFile.settled > 0 && !onFile.done) startup.midSettlement++;
        }
        continue;
      }

      worker.send({ type: 'start' });
      await worker.waitFor((l) => l.type === 'reconciled', 'start-up reconciliation', START_TIMEOUT_MS);
      restartMs.push(performance.now() - spawned);

      hands.hold();
      const check = openStore(db);
      try {
        const found = checkInvariants(check, sim, acknowledged.values());
        for (const v of found) violations.push(`after crash ${crashes}: ${v}`);
        if (found.length > 0) log(`after crash ${crashes}: ${found.length} violation(s): ${found[0]}`);
      } finally {
        check.close();
        hands.release();
      }

      if (crashes >= options.crashes) {
        worker.send({ type: 'stop' });
        const { code } = await worker.exited;
        if (code !== 0) violations.push(`the reconcile-only start exited with ${code}`);
        worker = null;
        break;
      }

      // Let the people at the doors finish what they were doing before a technician looks.
      const idleFrom = performance.now();
      for (let waited = 0; hands.busy > 0 && waited < 5000; waited += 20) await sleep(20);
      handsWaitMs += performance.now() - idleFrom;
      const settled = await settleInspections(db, sim, worker);
      inspectionsSettled += settled.settled;
      settleFailures.push(...settled.failures);

      // The spare loads its code while this daemon works; it touches nothing before START.
      topUpSpares();
      worker.send({ type: 'go', seed: random.int(1, 2 ** 31) });
      await sleep(random.int(minRun, maxRun));
      await worker.kill();
      worker = null;
      crashes++;
      if (crashes % 10 === 0) log(`${crashes} crashes, ${acknowledged.size} deposits acknowledged`);
    }
  } finally {
    await worker?.kill();
    for (const spare of spares) await spare.kill();
    hands.stop();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  return {
    seed: options.seed,
    crashes,
    startupKills: { ...startup },
    acknowledgedDeposits: acknowledged.size,
    operations,
    outcomes,
    inspectionsSettled,
    settleFailures,
    workerErrors,
    violations,
    hands: { ...hands.counters },
    restartMs: {
      mean: restartMs.reduce((a, b) => a + b, 0) / Math.max(1, restartMs.length),
      max: Math.max(0, ...restartMs),
    },
    reconcileMs: {
      mean: reconcileMs.reduce((a, b) => a + b, 0) / Math.max(1, reconcileMs.length),
      max: Math.max(0, ...reconcileMs),
    },
    handsWaitSeconds: handsWaitMs / 1000,
    seconds: (performance.now() - started) / 1000,
  };
}

export function formatSummary(s: CrashRunSummary): string {
  const ops = OPERATION_KINDS.map((k) => `${k} ${s.operations[k]}`).join(', ');
  return (
    `seed ${s.seed}: ${s.crashes} crashes (${s.startupKills.total} during start-up: ` +
    `${s.startupKills.beforeReconciling} before reconciliation, ` +
    `${s.startupKills.duringReconciliation} during it (${s.startupKills.midSettlement} part-way through settling), ` +
    `${s.startupKills.afterReconciled} after it), ${s.acknowledgedDeposits} deposits acknowledged, ` +
    `operations: ${ops}; ${s.inspectionsSettled} inspections settled, ` +
    `${s.workerErrors.length} worker errors, ${s.violations.length} invariant violations (${s.seconds.toFixed(0)} s)`
  );
}
