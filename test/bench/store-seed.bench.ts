/**
 * The ledger at district scale: seeds a store with N closed dossiers (default 1,000,000, each
 * with its door operations, credential, notification and audit rows), then measures what start-up
 * pays on that file. STORE_BENCH_DOSSIERS changes N; STORE_BENCH_KEEP=path keeps the file there.
 * Seeding a million dossiers takes over ten minutes, and store.bench.ts already measures the
 * same file's start-up and report, so this one runs only when STORE_SEED_BENCH=1.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/database';
import { seedSyntheticDossiers } from '../../src/store/synthetic';
import type { BenchLog } from './run';
import { percentile } from './stats';

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  if (process.env.STORE_SEED_BENCH !== '1') {
    log('skipped (set STORE_SEED_BENCH=1 to seed and measure a fresh file)');
    return {};
  }
  const n = Number(process.env.STORE_BENCH_DOSSIERS ?? 1_000_000);
  const path = join(tmpdir(), `store-seed-bench-${process.pid}.db`);
  removeDb(path);

  const seedStore = openStore(path);
  const seedStarted = performance.now();
  seedSyntheticDossiers(seedStore, n, {
    batchSize: 10_000,
    onProgress: (done) => {
      if (done % 100_000 === 0)
        log(`seeded ${done} (${((performance.now() - seedStarted) / 1000).toFixed(0)} s)`);
    },
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  seedStore.close();
  const bytes = statSync(path).size;

  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const store = openStore(path, { quickCheck: 'skip' });
    opens.push(performance.now() - started);
    store.close();
  }

  const store = openStore(path);
  const quick = store.checkNow('quick_check');
  if (!quick.ok) throw new Error(`quick_check failed: ${quick.problems.join('; ')}`);
  const background = await store.checkInBackground('quick_check');
  const verifyStarted = performance.now();
  const chain = store.audit.verifyChain();
  const verifyMs = performance.now() - verifyStarted;
  if (!chain.ok) throw new Error(`audit chain broken at ${chain.brokenAt}: ${chain.reason}`);
  const reportStarted = performance.now();
  store.reports.periodFigures(Date.UTC(2024, 5, 1), Date.UTC(2024, 6, 1));
  const reportMs = performance.now() - reportStarted;
  store.close();

  if (process.env.STORE_BENCH_KEEP) {
    renameSync(path, process.env.STORE_BENCH_KEEP);
    log(`kept ${process.env.STORE_BENCH_KEEP}`);
  } else {
    removeDb(path);
  }

  return {
    store_seed_dossiers: n,
    store_seed_seconds: seedSeconds,
    store_seed_dossiers_per_s: n / seedSeconds,
    store_file_mb: bytes / 1e6,
    store_bytes_per_dossier: bytes / n,
    store_open_ms_p50: percentile(opens, 50),
    store_open_ms_max: percentile(opens, 100),
    store_quick_check_ms: quick.ms,
    store_quick_check_worker_ms: background.ms,
    store_audit_rows: chain.count,
    store_audit_verify_ms: verifyMs,
    store_month_report_ms: reportMs,
  };
}
