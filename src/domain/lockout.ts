/**
 * Throttling of secret checks, with one budget per credential path so a stranger cannot turn it
 * against citizens (issue 12). The store keeps every counter, so a power cycle resets nothing.
 *
 * - Typed path, per dossier: after N consecutive failures (typed code or second factor) the
 *   dossier's typed code is locked until staff release it (an 8-digit code cannot be guessed in
 *   5 tries: 5 / 10^8). The QR path ignores that lock: its 144-bit secret cannot be guessed, so a
 *   stranger typing guesses must not take it from the citizen. Only a procedure that asks a
 *   second factor keeps the lock on its QR path too, since there a QR holder could guess the
 *   4 digits.
 * - Typed path, per kiosk: the first M failures are free; each later failure pauses typed entry
 *   for a delay that doubles every `PAUSE_BATCH` failures, from `FIRST_PAUSE_MS` up to
 *   `MAX_PAUSE_MS`. An hour without a typed failure clears the count. No hour-long block.
 * - QR failures count nowhere: a wrong QR secret cannot come from guessing a typed code, and
 *   counting it would let forged QR payloads block real ones.
 * - A success clears the dossier's streak but not the kiosk's count: one valid receipt must not
 *   reset the budget for guesses at the others.
 * - A clock set back never shortens a pause: a last failure "in the future" is moved to now, so
 *   the pause restarts in full instead of ending early (or lasting as long as the jump).
 */
export interface LockoutPolicy {
  maxConsecutiveFailures: number; // 5
  /** Typed failures per kiosk before pauses begin. */
  kioskFailuresPerHour: number;
  /** Quiet time after which the kiosk's typed count clears. */
  windowMs: number; // 3_600_000
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxConsecutiveFailures: 5,
  kioskFailuresPerHour: 30, // as config/default.json
  windowMs: 3_600_000,
};

export const PAUSE_BATCH = 5;
export const FIRST_PAUSE_MS = 30_000;
export const MAX_PAUSE_MS = 300_000;

export interface DossierCounters {
  consecutiveFailures: number;
  lockedAt: Date | null; // set on the failure that locks; cleared only by staff release
}

export interface KioskCounters {
  lastFailureAt: Date | null;
  failures: number;
}

/** `dossier` is null when the typed receipt number matches no dossier: only the kiosk counts. */
export interface AttemptCounters {
  dossier: DossierCounters | null;
  kiosk: KioskCounters;
}

export type CredentialPath = 'qr' | 'qr_second_factor' | 'typed';

export type AttemptCheck =
  | { allowed: true }
  | { allowed: false; code: 'dossier_locked'; retryAt: null } // until staff release it
  | { allowed: false; code: 'kiosk_attempts_capped'; retryAt: Date };

export const FRESH_DOSSIER_COUNTERS: DossierCounters = { consecutiveFailures: 0, lockedAt: null };
export const FRESH_KIOSK_COUNTERS: KioskCounters = { lastFailureAt: null, failures: 0 };

/** The pause earned by the kiosk's `failures`-th typed failure (0 inside the free budget). */
export function pauseAfter(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.kioskFailuresPerHour) return 0;
  const batch = Math.floor((failures - policy.kioskFailuresPerHour) / PAUSE_BATCH);
  return Math.min(FIRST_PAUSE_MS * 2 ** Math.min(batch, 30), MAX_PAUSE_MS);
}

/** A last failure later than now means the clock went back: count from now, in full. */
export function rebaseClock(counters: AttemptCounters, now: Date): AttemptCounters {
  const last = counters.kiosk.lastFailureAt;
  if (last === null || last.getTime() <= now.getTime()) return counters;
  return { ...counters, kiosk: { ...counters.kiosk, lastFailureAt: now } };
}

function quiet(kiosk: KioskCounters, now: Date, policy: LockoutPolicy): boolean {
  return kiosk.lastFailureAt === null || now.getTime() - kiosk.lastFailureAt.getTime() >= policy.windowMs;
}

/** Call with rebased counters (`rebaseClock`). */
export function checkAttempt(
  counters: AttemptCounters,
  now: Date,
  policy: LockoutPolicy,
  path: CredentialPath = 'typed',
): AttemptCheck {
  if (path === 'qr') return { allowed: true };
  if (counters.dossier?.lockedAt) return { allowed: false, code: 'dossier_locked', retryAt: null };
  if (path !== 'typed') return { allowed: true };
  const { kiosk } = counters;
  if (kiosk.lastFailureAt !== null && !quiet(kiosk, now, policy)) {
    const retryAt = new Date(kiosk.lastFailureAt.getTime() + pauseAfter(kiosk.failures, policy));
    if (now.getTime() < retryAt.getTime()) return { allowed: false, code: 'kiosk_attempts_capped', retryAt };
  }
  return { allowed: true };
}

export function afterFailure(
  counters: AttemptCounters,
  now: Date,
  policy: LockoutPolicy,
  path: CredentialPath = 'typed',
): AttemptCounters {
  if (path === 'qr') return counters;
  let kiosk = counters.kiosk;
  if (path === 'typed')
    kiosk = { lastFailureAt: now, failures: quiet(kiosk, now, policy) ? 1 : kiosk.failures + 1 };
  let dossier = counters.dossier;
  if (dossier) {
    const consecutiveFailures = dossier.consecutiveFailures + 1;
    const locks = consecutiveFailures >= policy.maxConsecutiveFailures;
    dossier = { consecutiveFailures, lockedAt: dossier.lockedAt ?? (locks ? now : null) };
  }
  return { dossier, kiosk };
}

export function afterSuccess(counters: AttemptCounters): AttemptCounters {
  if (!counters.dossier || counters.dossier.lockedAt) return counters; // a locked dossier stays locked
  return { ...counters, dossier: { consecutiveFailures: 0, lockedAt: null } };
}

/** Staff release a locked dossier: the streak starts again from zero. */
export function releaseLock(): DossierCounters {
  return { ...FRESH_DOSSIER_COUNTERS };
}

export function checkLockoutPolicy(policy: LockoutPolicy): LockoutPolicy {
  for (const [field, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`lockout policy ${field} must be a whole number >= 1`);
  }
  return policy;
}

export type SecretCheck =
  | { ok: true; counters: AttemptCounters }
  | {
      ok: false;
      code: 'wrong_code' | 'dossier_locked' | 'kiosk_attempts_capped';
      retryAt: Date | null;
      counters: AttemptCounters;
    };

/**
 * The one way to check a secret: throttle first (a refused attempt never reaches the
 * comparison, so a locked dossier leaks nothing), then compare, then count on the path's own
 * budget. `matches` is the whole check for this path: QR secret, typed code, or either one
 * together with the second factor; a wrong second factor is a failure like any other.
 */
export function attemptSecret(
  counters: AttemptCounters,
  now: Date,
  policy: LockoutPolicy,
  matches: () => boolean,
  path: CredentialPath = 'typed',
): SecretCheck {
  const gate = checkAttempt(counters, now, policy, path);
  if (!gate.allowed) return { ok: false, code: gate.code, retryAt: gate.retryAt, counters };
  if (matches()) return { ok: true, counters: afterSuccess(counters) };
  const next = afterFailure(counters, now, policy, path);
  const after = checkAttempt(next, now, policy, path);
  return { ok: false, code: 'wrong_code', retryAt: after.allowed ? null : after.retryAt, counters: next };
}
