import type { Database, Statement } from 'better-sqlite3';

/**
 * Failed-credential counters, kept in the database so power-cycling the kiosk resets nothing.
 * The thresholds (5 per dossier, N per kiosk hour) are domain rules; the store only counts.
 */
export type DossierAttempts = {
  readonly dossierId: number;
  readonly consecutiveFailures: number;
  readonly lastFailureAt: number | null;
  readonly lockedAt: number | null;
  readonly releasedBy: string | null;
  readonly releasedAt: number | null;
};

export type AttemptRepo = {
  forDossier(dossierId: number): DossierAttempts;
  /** Adds one consecutive failure; returns the new count. */
  recordDossierFailure(dossierId: number, at: number): number;
  /** A successful check resets the consecutive count (a lock stays until released). */
  resetDossierFailures(dossierId: number): void;
  lockDossier(dossierId: number, at: number): void;
  /** A staff member releases a locked dossier: the count restarts at zero. */
  releaseDossier(dossierId: number, releasedBy: string, at: number): boolean;
  /** Adds one failure to the kiosk's hour bucket; returns the bucket's new count. */
  recordKioskFailure(kioskCode: string, hourStart: number): number;
  kioskFailures(kioskCode: string, hourStart: number): number;
  /** Drops kiosk buckets older than the given hour. */
  pruneKioskBefore(hourStart: number): number;
};

const COLUMNS =
  'dossier_id AS dossierId, consecutive_failures AS consecutiveFailures, last_failure_at AS lastFailureAt, ' +
  'locked_at AS lockedAt, released_by AS releasedBy, released_at AS releasedAt';

export function createAttemptRepo(db: Database): AttemptRepo {
  const get: Statement<[number], DossierAttempts> = db.prepare(
    `SELECT ${COLUMNS} FROM dossier_attempts WHERE dossier_id = ?`,
  );
  const fail: Statement<[{ id: number; at: number }], { n: number }> = db.prepare(`
    INSERT INTO dossier_attempts (dossier_id, consecutive_failures, last_failure_at) VALUES (@id, 1, @at)
    ON CONFLICT (dossier_id) DO UPDATE SET consecutive_failures = consecutive_failures + 1, last_failure_at = @at
    RETURNING consecutive_failures AS n`);
  const reset = db.prepare('UPDATE dossier_attempts SET consecutive_failures = 0 WHERE dossier_id = ?');
  const lock = db.prepare(`
    INSERT INTO dossier_attempts (dossier_id, locked_at) VALUES (@id, @at)
    ON CONFLICT (dossier_id) DO UPDATE SET locked_at = @at, released_by = NULL, released_at = NULL`);
  const release = db.prepare(`
    UPDATE dossier_attempts SET locked_at = NULL, consecutive_failures = 0, released_by = ?, released_at = ?
    WHERE dossier_id = ? AND locked_at IS NOT NULL`);
  const kioskFail: Statement<[string, number], { n: number }> = db.prepare(`
    INSERT INTO kiosk_attempts (kiosk_code, hour_start, failures) VALUES (?, ?, 1)
    ON CONFLICT (kiosk_code, hour_start) DO UPDATE SET failures = failures + 1
    RETURNING failures AS n`);
  const kioskGet: Statement<[string, number], { n: number }> = db.prepare(
    'SELECT failures AS n FROM kiosk_attempts WHERE kiosk_code = ? AND hour_start = ?',
  );
  const prune = db.prepare('DELETE FROM kiosk_attempts WHERE hour_start < ?');

  return {
    forDossier: (dossierId) =>
      get.get(dossierId) ?? {
        dossierId,
        consecutiveFailures: 0,
        lastFailureAt: null,
        lockedAt: null,
        releasedBy: null,
        releasedAt: null,
      },
    recordDossierFailure: (dossierId, at) => fail.get({ id: dossierId, at })!.n,
    resetDossierFailures: (dossierId) => {
      reset.run(dossierId);
    },
    lockDossier: (dossierId, at) => {
      lock.run({ id: dossierId, at });
    },
    releaseDossier: (dossierId, by, at) => release.run(by, at, dossierId).changes === 1,
    recordKioskFailure: (kioskCode, hourStart) => kioskFail.get(kioskCode, hourStart)!.n,
    kioskFailures: (kioskCode, hourStart) => kioskGet.get(kioskCode, hourStart)?.n ?? 0,
    pruneKioskBefore: (hourStart) => prune.run(hourStart).changes,
  };
}
