/**
 * The ledger store on a year of history (1,000,000 dossiers, seeded by seed.ts into
 * var/bench-1m.db, reused when already there):
 * - store.deposit_txn_p99_ms: the "allocate + record a deposit, fsync included": the
 *   drop-off's reservation commit (the smallest free door allocated, the dossier created with
 *   its receipt number, the door's intent recorded, audit rows), the durable record taken before
 *   any door opens;
 * - store.fsync_commit_p99_ms: a bare one-row commit on the same file (synchronous=FULL);
 * - store.list_deposited_ms (bar 2 ms) and staff.late_list_ms (bar 10 ms): the store's reads
 *   behind GET /staff/deposited and GET /staff/late, median of 30 (store-paths.ts), and for every
 *   hot path scale.<path>_1m_over_1e5 (bar 1.5): the same read on this file over the same read on
 *   a 100,000-dossier file at the same daily rate (the same kiosk, a tenth of its life in);
 * - store.commits_per_door_op (bar 2), store.wal_frames_per_deposit (bar 12) and the cycle's
 *   commits and frames, read from the write-ahead log over 20 kiosk cycles run through the
 *   ledger's flows (store-cycle.ts, wal-count.ts): the worst door operation, the median deposit;
 * - store.fsyncs_per_cycle (bar 10): fsync and fdatasync calls counted by strace around 10
 *   cycles in a child process, idle checkpoints included (store-fsync.ts);
 * - store.deposit_rows_p99_ms: the reservation's rows alone, through the same store statements
 *   with none of the ledger's work around them, and store.deposit_rows_ratio_p99: the part of
 *   the ratio the schema sets before any code runs;
 * - the rest of a deposit, for the whole picture: store.deposit_confirm_p99_ms, the commit when
 *   the door closes on the dossier (deposited, receipt and credentials issued, notice queued,
 *   audit), and store.deposit_whole_p99_ms, both commits summed per deposit (two durable
 *   commits: its ratio cannot fall below 2), each with its ratio to the bare commit;
 * - store.report_month_ms: a month's supervisor figures, the worst of the twelve months
 *   (bar 200 ms, aim 50 ms), and store.report_month_p50_ms their median;
 * - store.startup_ms: open, migration check, connect, reconcile against simulated boards,
 *   median of five starts (bar 2000 ms, aim 500 ms);
 * - store.bytes_per_dossier: the file (and WAL) over the dossiers in it (bar 2048).
 */
import { existsSync } from 'node:fs';
import { openStore, type Store } from '../../src/store/database';
import type { BenchLog } from './run';
import { defaultBenchPath, fileBytes, HISTORY_DAYS, HISTORY_START, seedBenchDatabase } from './seed-database';
import { percentile } from './stats';
import { type CycleCounts, cycleLedger, runCycle } from './store-cycle';
import {
  benchContext,
  clearSampledDossiers,
  type DepositSamples,
  roomyClock,
  sampleDeposits,
} from './store-deposit';
import { fsyncsPerCycle } from './store-fsync';
import { timeHotPaths } from './store-paths';
import { benchBoards, measureStartup } from './store-startup';

const DOSSIERS = 1_000_000;
/** The scaling file: a tenth of the dossiers at the same daily rate, ending on the same day. */
const SCALE_DOSSIERS = 100_000;
const SCALE_PATH = 'var/bench-100000-recent.db';
const PATH_ROUNDS = 30;
const CYCLES = 20;
const FSYNC_CYCLES = 10;
// A p99 over 1,000 samples is the tenth-worst one: on a shared machine the ratio of two such
// figures swung between 1.2 and 4.0 from run to run of the same code. 3,000 per kind steadies it.
const SAMPLES = 3000; // of each kind
const WARMUP = 20;
const STARTS = 5;
const ICT_OFFSET_MS = 7 * 3_600_000;

function countDossiers(path: string): number {
  const store = openStore(path);
  try {
    return store.reports.periodFigures(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).received;
  } finally {
    store.close();
  }
}

function ensureBenchFile(log: BenchLog, path: string, dossiers: number, spanDays: number): string {
  if (existsSync(path) && countDossiers(path) >= dossiers) {
    log(`reusing ${path}`);
    return path;
  }
  log(`seeding ${path}`);
  const report = seedBenchDatabase(path, dossiers, log, spanDays);
  log(`seeded in ${report.seconds.toFixed(0)} s`);
  return path;
}

function hotPaths(path: string): Record<string, number> {
  const store = openStore(path, { idleCheckpointMs: null });
  try {
    return timeHotPaths(store, PATH_ROUNDS);
  } finally {
    store.close();
  }
}

/** 20 kiosk cycles through the ledger, counted from the log (two warm-up cycles first). */
async function countCycles(store: Store): Promise<CycleCounts[]> {
  const c = cycleLedger(store);
  try {
    await c.ledger.reconcile();
    for (let i = 0; i < 2; i++) await runCycle(store, c, false);
    const out: CycleCounts[] = [];
    for (let i = 0; i < CYCLES; i++) out.push((await runCycle(store, c, true))!);
    return out;
  } finally {
    c.stop();
  }
}

/** [from, to) of a calendar month in Asia/Ho_Chi_Minh. */
function ictMonth(year: number, month: number): [number, number] {
  return [Date.UTC(year, month, 1) - ICT_OFFSET_MS, Date.UTC(year, month + 1, 1) - ICT_OFFSET_MS];
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  const path = ensureBenchFile(log, defaultBenchPath(DOSSIERS), DOSSIERS, HISTORY_DAYS);
  const scalePath = ensureBenchFile(
    log,
    SCALE_PATH,
    SCALE_DOSSIERS,
    (HISTORY_DAYS * SCALE_DOSSIERS) / DOSSIERS,
  );
  const dossiers = countDossiers(path);
  const bytes = fileBytes(path);
  log(`${dossiers} dossiers, ${(bytes / 1e6).toFixed(0)} MB`);

  const long = hotPaths(path);
  const short = hotPaths(scalePath);
  const scale: Record<string, number> = {};
  for (const [name, ms] of Object.entries(long)) {
    log(`${name}: ${ms.toFixed(3)} ms at 1M, ${short[name]!.toFixed(3)} ms at 1e5`);
    scale[`scale.${name}_1m_over_1e5`] = ms / short[name]!;
  }

  const counting = openStore(path, { idleCheckpointMs: null });
  let cycles: CycleCounts[];
  try {
    cycles = await countCycles(counting);
  } finally {
    counting.close();
  }
  const ops = cycles.flatMap((c) => [c.deposit, c.collect, c.load, c.pickup]);
  const median = (xs: number[]) => percentile(xs, 50);
  log(
    `per cycle: ${median(cycles.map((c) => c.cycle.commits))} commits, ${median(cycles.map((c) => c.cycle.frames))} frames; ` +
      `per deposit ${median(cycles.map((c) => c.deposit.frames))} frames`,
  );
  const fsyncs = fsyncsPerCycle(path, FSYNC_CYCLES);
  log(fsyncs === null ? 'strace not installed: fsyncs not counted' : `${fsyncs} fsyncs a cycle`);

  // The bench stands in for the idle moments itself (store-deposit.ts): no timer.
  const store = openStore(path, { idleCheckpointMs: null });
  let commits: DepositSamples;
  const months: number[] = [];
  try {
    // A receipt number for each reservation and for each rows-alone sample.
    const ctx = benchContext(store, roomyClock(store, 2 * (WARMUP + SAMPLES)));
    const warm = sampleDeposits(store, ctx, 'SYN.001', WARMUP);
    commits = sampleDeposits(store, ctx, 'SYN.001', SAMPLES);
    clearSampledDossiers(store, [...warm.dossierIds, ...commits.dossierIds], ctx.clock());
    const p = (xs: number[]) =>
      `p50 ${percentile(xs, 50).toFixed(2)} / p99 ${percentile(xs, 99).toFixed(2)} ms`;
    log(`${SAMPLES} of each, interleaved:`);
    log(`  reservation commit (allocate + record) ${p(commits.reserve)}`);
    log(`    of which the work inside it ${p(commits.reserveBody)}`);
    log(`  confirmation commit ${p(commits.confirm)}`);
    log(`  whole deposit (reserve + confirm) ${p(commits.deposit)}`);
    log(`  bare one-row commit ${p(commits.bare)}`);
    log(`  the reservation's rows alone ${p(commits.rows)}`);
    const first = new Date(HISTORY_START);
    for (let m = 0; m < 12; m++) {
      const [from, to] = ictMonth(first.getUTCFullYear(), first.getUTCMonth() + m);
      const started = performance.now();
      const figures = store.reports.periodFigures(from, to);
      months.push(performance.now() - started);
      if (m === 0 || m === 6) {
        log(
          `month ${m + 1}: ${figures.received} in, ${figures.pickedUp} picked up, ${figures.late} late (${months[m]!.toFixed(1)} ms)`,
        );
      }
    }
    log(`report months: first ${months[0]!.toFixed(1)} ms, max ${Math.max(...months).toFixed(1)} ms`);
  } finally {
    store.close();
  }

  const { sim, port } = await benchBoards(path);
  const starts: number[] = [];
  try {
    for (let i = 0; i < STARTS; i++) {
      const sample = await measureStartup(path, port);
      starts.push(sample.ms);
      log(
        `start ${i + 1}: ${sample.ms.toFixed(0)} ms (store open ${sample.openMs.toFixed(0)} ms; ` +
          `${sample.report.doorsRead} doors read, ${sample.report.operations} operations, ${sample.report.incidents} incidents)`,
      );
    }
  } finally {
    await sim.stop();
  }

  const wholeP99 = percentile(commits.deposit, 99);
  const reserveP99 = percentile(commits.reserve, 99);
  const confirmP99 = percentile(commits.confirm, 99);
  const bareP99 = percentile(commits.bare, 99);
  return {
    'store.deposit_txn_p99_ms': reserveP99,
    'store.deposit_txn_p50_ms': percentile(commits.reserve, 50),
    'store.fsync_commit_p99_ms': bareP99,
    'store.fsync_commit_p50_ms': percentile(commits.bare, 50),
    'store.deposit_rows_p99_ms': percentile(commits.rows, 99),
    'store.deposit_rows_ratio_p99': percentile(commits.rows, 99) / bareP99,
    'store.deposit_confirm_p99_ms': confirmP99,
    'store.deposit_confirm_ratio_p99': confirmP99 / bareP99,
    'store.deposit_whole_p99_ms': wholeP99,
    'store.deposit_whole_ratio_p99': wholeP99 / bareP99,
    // The worst month is what a supervisor may wait for; the median shows the usual month.
    'store.report_month_ms': Math.max(...months),
    'store.report_month_p50_ms': percentile(months, 50),
    'store.startup_ms': percentile(starts, 50),
    'store.bytes_per_dossier': bytes / dossiers,
    'store.list_deposited_ms': long.list_deposited!,
    'staff.late_list_ms': long.late_list!,
    ...scale,
    'store.commits_per_door_op': Math.max(...ops.map((o) => o.commits)),
    'store.commits_per_cycle': median(cycles.map((c) => c.cycle.commits)),
    'store.wal_frames_per_deposit': median(cycles.map((c) => c.deposit.frames)),
    'store.wal_frames_per_cycle': median(cycles.map((c) => c.cycle.frames)),
    ...(fsyncs === null ? {} : { 'store.fsyncs_per_cycle': fsyncs }),
  };
}
