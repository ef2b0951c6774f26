import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';

export type BackupResult = { readonly file: string; readonly bytes: number; readonly ms: number };

/**
 * Copies the live database with SQLite's online backup API, which reads a consistent snapshot
 * (WAL content included) while the writer keeps working. Copying the file with the filesystem
 * would miss or tear the -wal; the backup is written under a temporary name and renamed only when
 * complete, so a crash never leaves a half backup under the real name.
 */
export async function backupDatabase(db: Database, file: string): Promise<BackupResult> {
  const started = performance.now();
  const partial = `${file}.partial`;
  if (existsSync(`${partial}-wal`)) {
    throw new StoreError(
      'BACKUP_FAILED',
      `${partial}-wal exists: a previous backup was interrupted; look before retrying`,
    );
  }
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
  } catch (error) {
    throw new StoreError('BACKUP_FAILED', `backup to ${file} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, ms: performance.now() - started };
}

// Plain JavaScript, like the integrity check's worker (integrity.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// One read transaction for the whole copy: every step reads the same snapshot. Without it each
// step opened its own, and the backup API started again whenever the writer had committed since
// the step before (a 36 MB copy took 43 s with a commit every 20 ms).
db.exec('BEGIN');
db.prepare('SELECT count(*) FROM sqlite_schema').get();
const pause = new Int32Array(new SharedArrayBuffer(4));
db.backup(workerData.partial, {
  progress: () => {
    // The worker sleeps between steps: the copy's writes come at a bounded rate, and the
    // citizens' commits do not queue behind a burst of them on the disk.
    Atomics.wait(pause, 0, 0, workerData.pauseMs);
    return workerData.stepPages;
  },
}).then(
  () => { db.exec('COMMIT'); db.close(); parentPort.postMessage({ ok: true }); },
  (error) => { db.close(); parentPort.postMessage({ ok: false, message: String(error && error.message) }); },
);`;

/**
 * Pages a step copies and the pause after it: 128 pages (512 KiB) every 20 ms, some 25 MB/s,
 * 80 s for the 1.8 GB of the 1,000,000-dossier history. Unthrottled, the same copy took 3.8 s and
 * a one-row commit's p99 rose from 3 ms to 216 ms meanwhile; at 256 pages a step it took 42 s
 * and the p99 doubled, 5.96 -> 11.75 ms (test/bench/store-longwork.bench.ts, loaded machine).
 */
export const BACKUP_STEP_PAGES = 128;
export const BACKUP_PAUSE_MS = 20;

/**
 * backupDatabase's copy, made by a worker thread on its own read-only connection: the backup
 * API's steps then never run on the event loop the doors share (on the writer connection, each
 * step of 100 pages ran between the citizens' commits).
 */
export async function backupInBackground(
  path: string,
  file: string,
  pace: { readonly stepPages: number; readonly pauseMs: number } = {
    stepPages: BACKUP_STEP_PAGES,
    pauseMs: BACKUP_PAUSE_MS,
  },
): Promise<BackupResult> {
  const started = performance.now();
  const partial = `${file}.partial`;
  if (existsSync(`${partial}-wal`)) {
    throw new StoreError(
      'BACKUP_FAILED',
      `${partial}-wal exists: a previous backup was interrupted; look before retrying`,
    );
  }
  rmSync(partial, { force: true });
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const outcome = await new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, partial, ...pace } });
    let settled = false;
    worker.once('message', (m: { ok: boolean; message?: string }) => {
      settled = true;
      resolve(m);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) resolve({ ok: false, message: `backup worker exited with code ${code}` });
    });
  });
  if (!outcome.ok) {
    throw new StoreError('BACKUP_FAILED', `backup to ${file} failed: ${outcome.message}`);
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, ms: performance.now() - started };
}
