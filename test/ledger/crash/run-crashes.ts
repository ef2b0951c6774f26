import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  readonly log?: (line: string) => void;
};

export type CrashRunSummary = {
  readonly seed: number;
  readonly crashes: number;
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
  /** Time spent letting the hands finish before each technician's round. */
  readonly handsWaitSeconds: number;
  readonly seconds: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const START_TIMEOUT_MS = 30_000;

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
  let handsWaitMs = 0;

  const onLine = (line: WorkerLine) => {
    switch (line.type) {
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
  let standby: WorkerProcess | null = null;
  try {
    for (let life = 0; life <= options.crashes; life++) {
      // The citizens' pockets: pickup credentials survive the daemon, they are on paper.
      writeFileSync(wallet, JSON.stringify(Object.fromEntries(credentials)));
      const spawned = performance.now();
      worker = standby ?? new WorkerProcess({ db, port, wallet, standby: true }, onLine);
      standby = null;
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

      if (life === options.crashes) {
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
      standby = new WorkerProcess({ db, port, wallet, standby: true }, onLine);
      worker.send({ type: 'go', seed: random.int(1, 2 ** 31) });
      await sleep(random.int(minRun, maxRun));
      await worker.kill();
      worker = null;
      crashes++;
      if (crashes % 10 === 0) log(`${crashes} crashes, ${acknowledged.size} deposits acknowledged`);
    }
  } finally {
    await worker?.kill();
    await standby?.kill();
    hands.stop();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  return {
    seed: options.seed,
    crashes,
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
    handsWaitSeconds: handsWaitMs / 1000,
    seconds: (performance.now() - started) / 1000,
  };
}

export function formatSummary(s: CrashRunSummary): string {
  const ops = OPERATION_KINDS.map((k) => `${k} ${s.operations[k]}`).join(', ');
  return (
    `seed ${s.seed}: ${s.crashes} crashes, ${s.acknowledgedDeposits} deposits acknowledged, ` +
    `operations: ${ops}; ${s.inspectionsSettled} inspections settled, ` +
    `${s.workerErrors.length} worker errors, ${s.violations.length} invariant violations (${s.seconds.toFixed(0)} s)`
  );
}
