/**
 * The store's long work against the citizen's path, on the 1,000,000-dossier history
 * (var/bench-1m.db, seeded by store.bench.ts or `npm run seed`):
 * - store.audit_walk_block_max_ms (bar 10): the longest stall of this thread's event loop
 *   (perf_hooks.monitorEventLoopDelay, 1 ms resolution) while the weekly full audit walk runs
 *   (store.verifyAuditInBackground from the genesis); and store.idle_block_max_ms, the same
 *   reading over as long a window with no walk, the machine's own noise. No commit runs in
 *   either window: a commit holds the thread for its own fsync, which is the commit's cost, not
 *   the walk's; store.commit_p99_during_walk_ratio gives the walk's effect on commits (its reads
 *   share the disk);
 * - store.commit_p99_during_backup_ratio (bar 2): a one-row commit's p99 while store.backupTo()
 *   copies the file over its p99 with no backup, in the same run, a commit every 20 ms.
 */
import { existsSync, rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore, type Store } from '../../src/store/database';
import type { BenchLog } from './run';
import { defaultBenchPath } from './seed-database';
import { percentile } from './stats';

const COMMIT_EVERY_MS = 20;
const BACKUP_FILE = 'var/bench-1m.backup.db';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One-row commits every COMMIT_EVERY_MS until `until` settles; their durations in ms. */
async function commitsUntil(store: Store, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const out: number[] = [];
  for (let i = 0; !done; i++) {
    const started = performance.now();
    store.write(() => store.settings.set('bench.commit', i, Date.now()));
    out.push(performance.now() - started);
    await pause(COMMIT_EVERY_MS);
  }
  return out;
}

/**
 * The longest event-loop stall, in ms, while `work` runs, and the 99th percentile of the delay:
 * on a loaded shared machine a single scheduling gap sets the maximum, with or without the walk.
 */
async function longestStall(work: Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await work.catch(() => {});
  h.disable();
  lastP99 = h.percentile(99) / 1e6;
  return h.max / 1e6;
}
let lastP99 = 0;

async function fullWalk(store: Store): Promise<number> {
  const r = await store.verifyAuditInBackground();
  if (!r.ok) throw new Error(`audit chain broken at ${r.brokenAt}: ${r.reason}`);
  return r.count;
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  const path = defaultBenchPath(1_000_000);
  if (!existsSync(path)) {
    log(`${path} missing: run store.bench.ts or npm run seed first`);
    return {};
  }
  const store = openStore(path);
  try {
    const walkStarted = performance.now();
    const walk = fullWalk(store);
    const walkStall = await longestStall(walk);
    const walkP99 = lastP99;
    const rows = await walk;
    const walkMs = performance.now() - walkStarted;
    log(
      `full walk: ${rows} rows in ${(walkMs / 1000).toFixed(1)} s, longest stall ${walkStall.toFixed(1)} ms`,
    );
    const idleStall = await longestStall(pause(Math.min(walkMs, 30_000)));
    const idleP99 = lastP99;
    log(`no walk: longest stall ${idleStall.toFixed(1)} ms`);
    // The walk again, commits going on: their p99 during it over without.
    const duringWalk = await commitsUntil(store, fullWalk(store));
    const withoutWalk = await commitsUntil(store, pause(Math.min(walkMs, 30_000)));
    log(
      `commit p99 ${percentile(duringWalk, 99).toFixed(2)} ms during a walk, ` +
        `${percentile(withoutWalk, 99).toFixed(2)} ms without`,
    );

    rmSync(BACKUP_FILE, { force: true });
    const backupStarted = performance.now();
    const backup = store.backupTo(BACKUP_FILE);
    const during = await commitsUntil(store, backup);
    await backup;
    const backupMs = performance.now() - backupStarted;
    rmSync(BACKUP_FILE, { force: true });
    const without = await commitsUntil(store, pause(Math.max(backupMs, 5000)));
    const p99 = (xs: number[]) => percentile(xs, 99);
    log(
      `backup ${(backupMs / 1000).toFixed(1)} s; commit p99 ${p99(during).toFixed(2)} ms during (${during.length}), ` +
        `${p99(without).toFixed(2)} ms without (${without.length})`,
    );
    return {
      'store.audit_walk_block_max_ms': walkStall,
      'store.idle_block_max_ms': idleStall,
      'store.audit_walk_block_p99_ms': walkP99,
      'store.idle_block_p99_ms': idleP99,
      'store.audit_walk_s': walkMs / 1000,
      'store.commit_p99_during_walk_ratio': percentile(duringWalk, 99) / percentile(withoutWalk, 99),
      'store.backup_s': backupMs / 1000,
      'store.commit_p99_during_backup_ratio': p99(during) / p99(without),
    };
  } finally {
    store.close();
    rmSync(BACKUP_FILE, { force: true });
  }
}
