import Database from 'better-sqlite3';
import { type AttemptRepo, createAttemptRepo } from './attempts';
import { type AuditHead, type AuditLog, type AuditVerification, createAuditLog } from './audit';
import { verifyChainInBackground } from './audit-walk';
import { type BackupResult, backupInBackground } from './backup';
import { type CredentialRepo, createCredentialRepo } from './credentials';
import { createDoorOperationRepo, type DoorOperationRepo } from './door-operations';
import { createDossierRepo, type DossierRepo } from './dossiers';
import { StoreError } from './errors';
import { createIdleCheckpointer, type IdleCheckpoint } from './idle-checkpoint';
import { createIncidentRepo, type IncidentRepo } from './incidents';
import {
  assertIntegrity,
  checkIntegrity,
  checkIntegrityInBackground,
  type IntegrityReport,
} from './integrity';
import { bindConnection } from './internal';
import { createLockerRepo, type LockerRepo } from './lockers';
import { createMaintenanceGate } from './maintenance';
import { type MigrationResult, runMigrations } from './migrate';
import type { Migration } from './migrations/index';
import { createOutboxRepo, type OutboxRepo } from './outbox';
import { applyDurabilityPragmas, type PragmaReport } from './pragmas';
import { createProcedureRepo, type ProcedureRepo } from './procedures';
import { type PurgeOptions, type PurgeResult, purgePersonalData } from './purge';
import { createReceiptSequenceRepo, type ReceiptSequenceRepo } from './receipts';
import { createReportRepo, type ReportRepo } from './reports';
import { createSettingsRepo, type SettingsRepo } from './settings';
import { createStaffRepo, type StaffRepo } from './staff';

export type StoreOptions = {
  /** How long a statement waits on a lock held by another connection (a backup reader). */
  readonly busyTimeoutMs?: number;
  /** Page cache of the writer connection, in MiB (SQLite's default is 2). */
  readonly cacheMiB?: number;
  /**
   * 'startup' runs PRAGMA quick_check before the store is handed out (and refuses a damaged
   * file); 'skip' leaves it to checkInBackground(). See QUICK_CHECK_DEFAULT for the default.
   */
  readonly quickCheck?: 'startup' | 'skip';
  /**
   * How long the writer must be quiet before the WAL is checkpointed and restarted in idle time
   * (see idle-checkpoint.ts); null leaves it to checkpointIdle() calls.
   */
  readonly idleCheckpointMs?: number | null;
  /** Commits gathered before a quiet moment checkpoints (see idle-checkpoint.ts). */
  readonly idleCheckpointMinCommits?: number;
  /** Only for tests of the migration runner. */
  readonly migrations?: readonly Migration[];
};

/**
 * quick_check reads every page of the file. Measured on the 1,000,000-dossier bench file (1.7 GB,
 * 5,000,000 audit rows; test/bench/store-seed.bench.ts, on a shared, loaded 2-core machine):
 * 13-43 s, against a start-up budget of 2 s, and opening without it takes about 10 ms. While it
 * runs on the writer connection every door would wait. So start-up skips it by default, and the
 * daemon runs checkInBackground('quick_check') right after start (then integrity_check on a
 * schedule, e.g. nightly) on a separate read-only connection in a worker thread, raising an
 * incident on failure. Small files (tests, a new machine) can afford 'startup'.
 */
export const QUICK_CHECK_DEFAULT: 'startup' | 'skip' = 'skip';

/**
 * A quarter second without a commit: a deposit's commits come in bursts (reserve, sent, opened)
 * separated by seconds of a citizen at the door, so the idle work lands in those seconds.
 */
export const IDLE_CHECKPOINT_MS = 250;

export type Store = {
  readonly path: string;
  readonly schemaVersion: number;
  readonly pragmas: PragmaReport;
  readonly migration: MigrationResult;
  /** The quick_check run at open, if any. */
  readonly startupCheck: IntegrityReport | null;
  /**
   * Runs fn in one IMMEDIATE transaction (the write lock is taken at BEGIN, so a write never fails
   * half way on a busy lock). fn is synchronous: returning a Promise rolls back and throws, since
   * nothing may be awaited inside a transaction. Nested calls become savepoints.
   */
  write<T>(fn: () => T): T;
  /** Runs fn in one read transaction: a consistent snapshot across several queries. */
  read<T>(fn: () => T): T;
  readonly lockers: LockerRepo;
  readonly procedures: ProcedureRepo;
  readonly dossiers: DossierRepo;
  readonly doorOperations: DoorOperationRepo;
  readonly credentials: CredentialRepo;
  readonly attempts: AttemptRepo;
  readonly staff: StaffRepo;
  readonly outbox: OutboxRepo;
  readonly incidents: IncidentRepo;
  readonly settings: SettingsRepo;
  readonly receipts: ReceiptSequenceRepo;
  readonly reports: ReportRepo;
  readonly audit: AuditLog;
  /** Blocking check on the writer connection. */
  checkNow(kind: 'quick_check' | 'integrity_check'): IntegrityReport;
  /**
   * Non-blocking check on a read-only connection in a worker thread, after any backup or audit
   * walk under way (maintenance.ts).
   */
  checkInBackground(kind: 'quick_check' | 'integrity_check'): Promise<IntegrityReport>;
  /**
   * audit.verifyChain(anchoredHead, from), whole, in a worker thread on a read-only connection
   * (audit-walk.ts), after any backup or check under way.
   */
  verifyAuditInBackground(anchoredHead?: AuditHead, from?: AuditHead): Promise<AuditVerification>;
  /**
   * A backup with the online backup API, after any check or audit walk under way and once no
   * door operation is open (maintenance.ts).
   */
  backupTo(file: string): Promise<BackupResult>;
  /**
   * The idle work the store's timer runs once writes have been quiet: checkpoint the WAL and
   * restart it. Exposed for the moments a test or benchmark stands in for idle time.
   */
  checkpointIdle(): IdleCheckpoint | null;
  /** What the store's timer does at a quiet moment: checkpointIdle() once enough has gathered. */
  checkpointIfDue(): IdleCheckpoint | null;
  purgePersonalData(options: PurgeOptions): PurgeResult;
  close(): void;
};

function isThenable(value: unknown): boolean {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function openStore(path: string, options: StoreOptions = {}): Store {
  const db = new Database(path);
  try {
    const pragmas = applyDurabilityPragmas(db, options.busyTimeoutMs ?? 5000);
    // Reports scan months of dossiers; a few dozen MiB of cache keeps their indexes in memory.
    db.pragma(`cache_size = ${-1024 * Math.max(1, Math.trunc(options.cacheMiB ?? 32))}`);
    const quickCheck = options.quickCheck ?? QUICK_CHECK_DEFAULT;
    let startupCheck: IntegrityReport | null = null;
    if (quickCheck === 'startup') {
      startupCheck = checkIntegrity(db, 'quick_check');
      assertIntegrity(startupCheck, path, 'quick_check');
    }
    const migration = runMigrations(db, options.migrations);
    const quietMs = options.idleCheckpointMs === undefined ? IDLE_CHECKPOINT_MS : options.idleCheckpointMs;
    return buildStore(db, path, pragmas, migration, startupCheck, quietMs, options.idleCheckpointMinCommits);
  } catch (error) {
    db.close();
    throw error;
  }
}

function buildStore(
  db: Database.Database,
  path: string,
  pragmas: PragmaReport,
  migration: MigrationResult,
  startupCheck: IntegrityReport | null,
  idleCheckpointMs: number | null,
  idleCheckpointMinCommits: number | undefined,
): Store {
  const audit = createAuditLog(db);
  const doorOperations = createDoorOperationRepo(db);
  const gate = createMaintenanceGate({ doorOperationOpen: () => doorOperations.listUnsettled().length > 0 });
  const checkpointer = createIdleCheckpointer(db, idleCheckpointMs, idleCheckpointMinCommits);
  const transact = db.transaction((fn: () => unknown) => {
    const result = fn();
    if (isThenable(result)) {
      // The work after its first await runs outside any transaction; keep its rejection from
      // surfacing as an unhandled one, the throw below is the report.
      (result as PromiseLike<unknown>).then(undefined, () => {});
      throw new StoreError(
        'ASYNC_IN_TRANSACTION',
        'store.write() got an async function: nothing may be awaited inside a transaction',
      );
    }
    return result;
  });
  const store: Store = {
    path,
    schemaVersion: migration.to,
    pragmas,
    migration,
    startupCheck,
    write: <T>(fn: () => T): T => {
      const result = transact.immediate(fn) as T;
      // A nested write is a savepoint: only the outermost one commits.
      if (!db.inTransaction) checkpointer.noteCommit();
      return result;
    },
    read: <T>(fn: () => T): T => transact.deferred(fn) as T,
    lockers: createLockerRepo(db),
    procedures: createProcedureRepo(db),
    dossiers: createDossierRepo(db),
    doorOperations,
    credentials: createCredentialRepo(db),
    attempts: createAttemptRepo(db),
    staff: createStaffRepo(db),
    outbox: createOutboxRepo(db),
    incidents: createIncidentRepo(db),
    settings: createSettingsRepo(db),
    receipts: createReceiptSequenceRepo(db),
    reports: createReportRepo(db),
    audit,
    checkNow: (kind) => checkIntegrity(db, kind),
    checkInBackground: (kind) => gate.run(() => checkIntegrityInBackground(path, kind)),
    verifyAuditInBackground: (anchoredHead, from) =>
      gate.run(() => verifyChainInBackground(path, anchoredHead, from)),
    backupTo: (file) => gate.run(() => backupInBackground(path, file), { quiet: true }),
    checkpointIdle: () => checkpointer.runNow(),
    checkpointIfDue: () => checkpointer.runIfDue(),
    purgePersonalData: (opts) => purgePersonalData(db, audit, opts),
    close() {
      if (!db.open) return;
      checkpointer.stop();
      db.pragma('optimize');
      db.close();
    },
  };
  bindConnection(store, db);
  return store;
}
