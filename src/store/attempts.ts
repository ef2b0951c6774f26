import type { Database, Statement } from 'better-sqlite3';

/**
 * Failed-credential counters, kept in the database so power-cycling the kiosk resets nothing.
 * The rules (5 consecutive typed failures lock a dossier's typed code, escalating pauses per kiosk
 * for typed failures) live in src/domain/lockout.ts: the caller reads the counters, applies the rule, and saves the result in
 * the same write transaction. Every path that checks a secret shares these rows.
 */
export type DossierAttempts = {
  readonly dossierId: number;
  readonly consecutiveFailures: number;
  readonly lastFailureAt: number | null;
  /** Set on the failure that locks; cleared only by a staff release. */
  readonly lockedAt: number | null;
  readonly releasedBy: string | null;
  readonly releasedAt: number | null;
};

export type DossierCountersRow = { readonly consecutiveFailures: number; readonly lockedAt: number | null };

/**
 * Typed-code failures at a kiosk since the last quiet hour. The columns keep their first names
 * (window_started_at, failures_in_window): window_started_at now holds the last failure's time.
 */
export type KioskAttempts = {
  readonly kioskCode: string;
  readonly lastFailureAt: number | null;
  readonly failures: number;
};

export type AttemptRepo = {
  /** Fresh counters (zero, unlocked) for a dossier never failed. */
  forDossier(dossierId: number): DossierAttempts;
  /** Saves the counters the lockout rule computed; `at` is recorded as the last failure when given. */
  saveDossier(dossierId: number, counters: DossierCountersRow, lastFailureAt?: number | null): void;
  /** A staff member releases a locked dossier: the streak restarts at zero. False if not locked. */
  releaseDossier(dossierId: number, releasedBy: string, at: number): boolean;
  forKiosk(kioskCode: string): KioskAttempts;
  saveKiosk(kioskCode: string, lastFailureAt: number | null, failures: number): void;
};

const COLUMNS =
  'dossier_id AS dossierId, consecutive_failures AS consecutiveFailures, last_failure_at AS lastFailureAt, ' +
  'locked_at AS lockedAt, released_by AS releasedBy, released_at AS releasedAt';

export function createAttemptRepo(db: Database): AttemptRepo {
  const get: Statement<[number], DossierAttempts> = db.prepare(
    `SELECT ${COLUMNS} FROM dossier_attempts WHERE dossier_id = ?`,
  );
  const save = db.prepare(`
    INSERT INTO dossier_attempts (dossier_id, consecutive_failures, locked_at, last_failure_at)
    VALUES (@id, @failures, @lockedAt, @lastFailureAt)
    ON CONFLICT (dossier_id) DO UPDATE SET consecutive_failures = @failures, locked_at = @lockedAt,
      last_failure_at = coalesce(@lastFailureAt, last_failure_at)`);
  const release = db.prepare(`
    UPDATE dossier_attempts SET locked_at = NULL, consecutive_failures = 0, released_by = ?, released_at = ?
    WHERE dossier_id = ? AND locked_at IS NOT NULL`);
  const kioskGet: Statement<[string], KioskAttempts> = db.prepare(`
    SELECT kiosk_code AS kioskCode, window_started_at AS lastFailureAt, failures_in_window AS failures
    FROM kiosk_attempts WHERE kiosk_code = ?`);
  const kioskSave = db.prepare(`
    INSERT INTO kiosk_attempts (kiosk_code, window_started_at, failures_in_window) VALUES (?, ?, ?)
    ON CONFLICT (kiosk_code) DO UPDATE SET window_started_at = excluded.window_started_at,
      failures_in_window = excluded.failures_in_window`);

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
    saveDossier: (dossierId, counters, lastFailureAt = null) => {
      save.run({
        id: dossierId,
        failures: counters.consecutiveFailures,
        lockedAt: counters.lockedAt,
        lastFailureAt,
      });
    },
    releaseDossier: (dossierId, by, at) => release.run(by, at, dossierId).changes === 1,
    forKiosk: (kioskCode) => kioskGet.get(kioskCode) ?? { kioskCode, lastFailureAt: null, failures: 0 },
    saveKiosk: (kioskCode, lastFailureAt, failures) => {
      kioskSave.run(kioskCode, lastFailureAt, failures);
    },
  };
}
