import { describe, expect, it } from 'vitest';
import {
  type AttemptCounters,
  afterFailure,
  afterSuccess,
  attemptSecret,
  checkAttempt,
  checkLockoutPolicy,
  DEFAULT_LOCKOUT_POLICY,
  FRESH_DOSSIER_COUNTERS,
  FRESH_KIOSK_COUNTERS,
  type LockoutPolicy,
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
    // A new hour, so the kiosk cap (8) is not what refuses here.
    const again = fail(c, 4, 61);
    expect(again.kiosk.failuresInWindow).toBe(4);
    expect(checkAttempt(again, at(61), policy)).toEqual({ allowed: true });
    expect(afterFailure(again, at(61), policy).dossier?.lockedAt).toEqual(at(61));
  });

  it('caps failures per kiosk per hour across dossiers, and a success does not lift the cap', () => {
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
    expect(checkAttempt(next, at(10), policy)).toEqual({
      allowed: false,
      code: 'kiosk_attempts_capped',
      retryAt: at(60),
    });
    expect(checkAttempt(afterSuccess(next), at(10), policy)).toMatchObject({ allowed: false });
    expect(checkAttempt(next, at(60), policy)).toEqual({ allowed: true });
    // The next failure after the window opens a new one.
    expect(afterFailure(next, at(61), policy).kiosk).toEqual({
      windowStartedAt: at(61),
      failuresInWindow: 1,
    });
  });

  it('an unknown receipt counts against the kiosk only', () => {
    const c = afterFailure({ dossier: null, kiosk: { ...FRESH_KIOSK_COUNTERS } }, t0, policy);
    expect(c).toEqual({ dossier: null, kiosk: { windowStartedAt: t0, failuresInWindow: 1 } });
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
