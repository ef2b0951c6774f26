import { describe, expect, it } from 'vitest';
import {
  type AttemptCounters,
  afterFailure,
  afterSuccess,
  attemptSecret,
  checkAttempt,
  checkLockoutPolicy,
  DEFAULT_LOCKOUT_POLICY,
  FIRST_PAUSE_MS,
  FRESH_DOSSIER_COUNTERS,
  FRESH_KIOSK_COUNTERS,
  type LockoutPolicy,
  MAX_PAUSE_MS,
  pauseAfter,
  rebaseClock,
  releaseLock,
} from '../../src/domain/lockout';

const policy: LockoutPolicy = { maxConsecutiveFailures: 5, kioskFailuresPerHour: 8, windowMs: 3_600_000 };
const t0 = new Date('2026-11-21T05:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fresh = (): AttemptCounters => ({
  dossier: { ...FRESH_DOSSIER_COUNTERS },
  kiosk: { ...FRESH_KIOSK_COUNTERS },
});

function fail(c: AttemptCounters, n: number, minute = 0): AttemptCounters {
  let out = c;
  for (let i = 0; i < n; i++) out = afterFailure(out, at(minute), policy);
  return out;
}

describe('lockout', () => {
  it('the fifth consecutive failure locks the dossier until staff release it', () => {
    const four = fail(fresh(), 4);
    expect(checkAttempt(four, at(1), policy)).toEqual({ allowed: true });
    const five = afterFailure(four, at(2), policy);
    expect(five.dossier).toEqual({ consecutiveFailures: 5, lockedAt: at(2) });
    expect(checkAttempt(five, at(2), policy)).toEqual({
      allowed: false,
      code: 'dossier_locked',
      retryAt: null,
    });
    // Time alone does not unlock it, nor does a success.
    expect(checkAttempt(five, at(60 * 24 * 30), policy)).toMatchObject({ code: 'dossier_locked' });
    expect(afterSuccess(five)).toEqual(five);
    const released = { ...five, dossier: releaseLock() };
    expect(checkAttempt(released, at(3), policy)).toEqual({ allowed: true });
  });

  it('a success resets the streak, so failures must be consecutive to lock', () => {
    const c = afterSuccess(fail(fresh(), 4));
    expect(c.dossier?.consecutiveFailures).toBe(0);
    // A quiet hour later, so the kiosk's pause is not what refuses here.
    const again = fail(c, 4, 61);
    expect(again.kiosk.failures).toBe(4);
    expect(checkAttempt(again, at(61), policy)).toEqual({ allowed: true });
    expect(afterFailure(again, at(61), policy).dossier?.lockedAt).toEqual(at(61));
  });

  it('after the free typed budget each failure pauses typed entry, doubling per batch, capped', () => {
    // Figures of the policy: 8 free here, then batches of PAUSE_BATCH at 30 s, 60 s, 120 s ... 300 s.
    expect([7, 8, 12, 13, 18, 23, 28, 100].map((n) => pauseAfter(n, policy))).toEqual([
      0, 30_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
    expect([FIRST_PAUSE_MS, MAX_PAUSE_MS]).toEqual([30_000, 300_000]);
    let c = fresh();
    for (let i = 0; i < 8; i++) {
      // Each failure on a different receipt (or an unknown one): no dossier reaches its limit.
      c = afterFailure(
        { dossier: i % 2 ? null : { ...FRESH_DOSSIER_COUNTERS }, kiosk: c.kiosk },
        at(i),
        policy,
      );
    }
    const next: AttemptCounters = { dossier: { ...FRESH_DOSSIER_COUNTERS }, kiosk: c.kiosk };
    const paused = new Date(at(7).getTime() + FIRST_PAUSE_MS);
    expect(checkAttempt(next, at(7), policy)).toEqual({
      allowed: false,
      code: 'kiosk_attempts_capped',
      retryAt: paused,
    });
    expect(checkAttempt(afterSuccess(next), at(7), policy)).toMatchObject({ allowed: false });
    expect(checkAttempt(next, paused, policy)).toEqual({ allowed: true });
    // The QR path never meets the typed pause.
    expect(checkAttempt(next, at(7), policy, 'qr')).toEqual({ allowed: true });
    // An hour without a typed failure clears the count.
    expect(afterFailure(next, at(7 + 60), policy).kiosk).toEqual({ lastFailureAt: at(67), failures: 1 });
  });

  it('a clock set back restarts the pause in full instead of lifting it', () => {
    const c: AttemptCounters = { dossier: null, kiosk: { lastFailureAt: at(60), failures: 8 } };
    const back = rebaseClock(c, at(0));
    expect(back.kiosk.lastFailureAt).toEqual(at(0));
    expect(checkAttempt(back, at(0), policy)).toMatchObject({
      allowed: false,
      code: 'kiosk_attempts_capped',
    });
    expect(rebaseClock(c, at(61))).toBe(c);
  });

  it('a typed-code lock leaves a plain QR working, but not a QR that must also guess a second factor', () => {
    const locked = fail(fresh(), 5);
    expect(checkAttempt(locked, at(1), policy, 'typed')).toMatchObject({ code: 'dossier_locked' });
    expect(checkAttempt(locked, at(1), policy, 'qr')).toEqual({ allowed: true });
    expect(checkAttempt(locked, at(1), policy, 'qr_second_factor')).toMatchObject({ code: 'dossier_locked' });
    // A wrong QR counts nowhere; a wrong second factor behind a QR counts on the dossier only.
    expect(afterFailure(fresh(), at(1), policy, 'qr')).toEqual(fresh());
    const sf = afterFailure(fresh(), at(1), policy, 'qr_second_factor');
    expect(sf).toEqual({ dossier: { consecutiveFailures: 1, lockedAt: null }, kiosk: FRESH_KIOSK_COUNTERS });
  });

  it('an unknown receipt counts against the kiosk only', () => {
    const c = afterFailure({ dossier: null, kiosk: { ...FRESH_KIOSK_COUNTERS } }, t0, policy);
    expect(c).toEqual({ dossier: null, kiosk: { lastFailureAt: t0, failures: 1 } });
  });
});

describe('checking a secret through the counters', () => {
  it('counts a wrong code, locks on the fifth, and then never even runs the comparison', () => {
    let c = fresh();
    let compared = 0;
    const wrong = () => {
      compared++;
      return false;
    };
    for (let i = 0; i < 5; i++) {
      const r = attemptSecret(c, at(i), policy, wrong);
      expect(r).toMatchObject({ ok: false, code: 'wrong_code' });
      c = r.counters;
    }
    expect(c.dossier?.lockedAt).toEqual(at(4));
    const locked = attemptSecret(c, at(5), policy, () => true);
    expect(locked).toMatchObject({ ok: false, code: 'dossier_locked', retryAt: null });
    expect(compared).toBe(5);
  });

  it('a right secret clears the streak', () => {
    const c = fail(fresh(), 3);
    const r = attemptSecret(c, at(1), policy, () => true);
    expect(r).toMatchObject({ ok: true });
    expect(r.counters.dossier?.consecutiveFailures).toBe(0);
  });
});

describe('lockout configuration', () => {
  it('names the bad field', () => {
    expect(() => checkLockoutPolicy({ ...policy, kioskFailuresPerHour: 0 })).toThrow(/kioskFailuresPerHour/);
    expect(checkLockoutPolicy(DEFAULT_LOCKOUT_POLICY).maxConsecutiveFailures).toBe(5);
  });
});
