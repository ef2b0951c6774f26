import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';

export type IntegrityCheckKind = 'quick_check' | 'integrity_check';
export type IntegrityReport = {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly ms: number;
};

/** Runs the check on the given connection (blocking it for the duration). */
export function checkIntegrity(db: Database, kind: IntegrityCheckKind): IntegrityReport {
  const started = performance.now();
  const rows = db.pragma(kind, { simple: false }) as Record<string, string>[];
  const problems = rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
  return { ok: problems.length === 0, problems, ms: performance.now() - started };
}

export function assertIntegrity(report: IntegrityReport, path: string, kind: IntegrityCheckKind): void {
  if (!report.ok) {
    throw new StoreError(
      'INTEGRITY_FAILED',
      `${kind} failed on ${path}: ${report.problems.slice(0, 5).join('; ')}` +
        (report.problems.length > 5 ? ` (and ${report.problems.length - 5} more)` : ''),
    );
  }
}

// Plain JavaScript so the worker needs no TypeScript loader; better-sqlite3 is resolved here and
// passed in, so the worker finds it whatever the working directory.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  const started = performance.now();
  const rows = db.pragma(workerData.kind);
  const problems = rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
  parentPort.postMessage({ ok: problems.length === 0, problems, ms: performance.now() - started });
} finally {
  db.close();
}`;

/**
 * Runs the check on a separate read-only connection in a worker thread: WAL lets it read a
 * consistent snapshot while the writer keeps serving doors, and the event loop is never blocked.
 */
export function checkIntegrityInBackground(path: string, kind: IntegrityCheckKind): Promise<IntegrityReport> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, kind } });
    let settled = false;
    worker.once('message', (report: IntegrityReport) => {
      settled = true;
      resolve(report);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new StoreError('INTEGRITY_FAILED', `${kind} worker exited with code ${code}`));
    });
  });
}
