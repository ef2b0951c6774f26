/**
 * Throttling of secret checks. Every path that checks a secret (QR, typed code, second factor)
 * reads and updates these same counters, and the store keeps them, so a power cycle resets
 * nothing.
 *
 * - Per dossier: after N consecutive failures the dossier is locked until staff release it
 *   (an 8-digit code cannot be guessed in 5 tries: 5 / 10^8).
 * - Per kiosk: at most M failures per fixed hour window, whatever the dossier, so an attacker
 *   cannot spread guesses over many receipt numbers. A fixed window (start + count: two columns)
 *   allows at most 2M failures across a window boundary, which the per-dossier lock bounds anyway.
 * - A success clears the dossier's streak but not the kiosk's count: one valid receipt must not
 *   reset the cap for guesses at the others.
 */
export interface LockoutPolicy {
  maxConsecutiveFailures: number; // 5
  kioskFailuresPerHour: number;
  windowMs: number; // 3_600_000
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxConsecutiveFailures: 5,
  kioskFailuresPerHour: 30,
  windowMs: 3_600_000,
};

export interface DossierCounters {
  consecutiveFailures: number;
  lockedAt: Date | null; // set on the failure that locks; cleared only by staff release
}

export interface KioskCounters {
  windowStartedAt: Date | null;
  failuresInWindow: number;
}

/** `dossier` is null when the typed receipt number matches no dossier: only the kiosk counts. */
export interface AttemptCounters {
  dossier: DossierCounters | null;
  kiosk: KioskCounters;
}

export type AttemptCheck =
  | { allowed: true }
  | { allowed: false; code: 'dossier_locked'; retryAt: null } // until staff release it
  | { allowed: false; code: 'kiosk_attempts_capped'; retryAt: Date };

export const FRESH_DOSSIER_COUNTERS: DossierCounters = { consecutiveFailures: 0, lockedAt: null };
export const FRESH_KIOSK_COUNTERS: KioskCounters = { windowStartedAt: null, failuresInWindow: 0 };

function windowOpen(kiosk: KioskCounters, now: Date, policy: LockoutPolicy): boolean {
  return kiosk.windowStartedAt !== null && now.getTime() - kiosk.windowStartedAt.getTime() < policy.windowMs;
}

export function checkAttempt(counters: AttemptCounters, now: Date, policy: LockoutPolicy): AttemptCheck {
  if (counters.dossier?.lockedAt) return { allowed: false, code: 'dossier_locked', retryAt: null };
  const { kiosk } = counters;
  if (windowOpen(kiosk, now, policy) && kiosk.failuresInWindow >= policy.kioskFailuresPerHour) {
    const retryAt = new Date(kiosk.windowStartedAt!.getTime() + policy.windowMs);
    return { allowed: false, code: 'kiosk_attempts_capped', retryAt };
  }
  return { allowed: true };
}

export function afterFailure(counters: AttemptCounters, now: Date, policy: LockoutPolicy): AttemptCounters {
  const kiosk: KioskCounters = windowOpen(counters.kiosk, now, policy)
    ? { ...counters.kiosk, failuresInWindow: counters.kiosk.failuresInWindow + 1 }
    : { windowStartedAt: now, failuresInWindow: 1 };
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
 * comparison, so a locked dossier leaks nothing), then compare, then count. `matches` is the
 * whole check for this path: QR secret, typed code, or either one together with the second
 * factor; a wrong second factor is a failure like any other.
 */
export function attemptSecret(
  counters: AttemptCounters,
  now: Date,
  policy: LockoutPolicy,
  matches: () => boolean,
): SecretCheck {
  const gate = checkAttempt(counters, now, policy);
  if (!gate.allowed) return { ok: false, code: gate.code, retryAt: gate.retryAt, counters };
  if (matches()) return { ok: true, counters: afterSuccess(counters) };
  const next = afterFailure(counters, now, policy);
  const after = checkAttempt(next, now, policy);
  return { ok: false, code: 'wrong_code', retryAt: after.allowed ? null : after.retryAt, counters: next };
}
