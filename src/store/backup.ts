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
// After the first step, every remaining page in one step: from another connection than the
// writer, the backup API starts again whenever the writer commits between two steps, and a
// kiosk committing every few seconds would keep a 100-page-a-step copy of a large file from
// ever finishing. One step copies from one read snapshot, the writer going on beside it.
db.backup(workerData.partial, { progress: () => 0x7fffffff }).then(
  () => { db.close(); parentPort.postMessage({ ok: true }); },
  (error) => { db.close(); parentPort.postMessage({ ok: false, message: String(error && error.message) }); },
);`;

/**
 * backupDatabase's copy, made by a worker thread on its own read-only connection: the backup
 * API's steps then never run on the event loop the doors share (on the writer connection, each
 * step of 100 pages ran between the citizens' commits).
 */
export async function backupInBackground(path: string, file: string): Promise<BackupResult> {
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
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, partial } });
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
