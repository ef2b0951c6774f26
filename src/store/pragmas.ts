import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';

const SYNCHRONOUS_FULL = 2;

export type PragmaReport = {
  readonly journalMode: string;
  readonly synchronous: number;
  readonly foreignKeys: boolean;
  readonly busyTimeoutMs: number;
};

/**
 * WAL keeps readers off the writer's back; synchronous=FULL makes each commit survive a power cut
 * (WAL's usual NORMAL can lose the last commits, and better-sqlite3 defaults to NORMAL under WAL).
 * Each pragma is read back: a setting that silently did not take is a refusal to start.
 */
export function applyDurabilityPragmas(db: Database, busyTimeoutMs: number): PragmaReport {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  const report = readPragmas(db);
  if (report.journalMode !== 'wal') {
    throw new StoreError('PRAGMA_NOT_IN_FORCE', `journal_mode is '${report.journalMode}', expected 'wal'`);
  }
  // EXTRA (3) is accepted: it syncs the directory too after deleting a rollback journal, which
  // is stronger than FULL (and costs nothing in WAL mode). Anything lower (NORMAL, OFF) can lose
  // the last commits on a power cut, after the kiosk told a citizen the dossier was in.
  if (report.synchronous < SYNCHRONOUS_FULL) {
    throw new StoreError(
      'PRAGMA_NOT_IN_FORCE',
      `synchronous is ${report.synchronous}, expected ${SYNCHRONOUS_FULL} (FULL) or more: commits could be lost on power failure`,
    );
  }
  if (!report.foreignKeys) throw new StoreError('PRAGMA_NOT_IN_FORCE', 'foreign_keys is OFF, expected ON');
  return report;
}

export function readPragmas(db: Database): PragmaReport {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
  };
}
