import { describe, expect, it, vi } from 'vitest';
import { pauseAfter } from '../../src/kiosk/staff-sessions';
import { refusalOf } from './flows';
import { PINS, rigPerTest } from './harness';

// Counts the scrypt comparisons each sign-in makes (the real function still runs).
const pinChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/domain/staff-pin', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/staff-pin')>();
  return {
    ...real,
    verifyPin: (pin: string, hash: string) => {
      pinChecks.count++;
      return real.verifyPin(pin, hash);
    },
  };
});

const start = rigPerTest();
const LOCK = { loginMaxFailures: 5, loginLockMs: 900_000 };

/** A refusal as the caller sees it, plus how many PIN comparisons it cost. */
function answerOf(call: () => unknown): { code: string; message: string; pinChecks: number } {
  const before = pinChecks.count;
  try {
    call();
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message, pinChecks: pinChecks.count - before };
  }
  throw new Error('expected a refusal, the sign-in went through');
}

describe('staff sign-in under guessing', { timeout: 30_000 }, () => {
  it('pauses 1, 2, 4, 8 s after wrong PINs, then locks for loginLockMs', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => pauseAfter(n, LOCK))).toEqual([
      1_000, 2_000, 4_000, 8_000, 900_000, 900_000,
    ]);
    expect(pauseAfter(2, { loginMaxFailures: 5, loginLockMs: 1_500 })).toBe(1_500);
  });

  it('a try during a pause is refused and not counted, even with the right PIN', async () => {
    const k = await start({ config: LOCK });
    const { staffSessions } = k.kiosk;
    expect(await refusalOf(() => staffSessions.signIn('staff1', '0000'))).toBe('bad_login');
    k.now.ms += 999;
    expect(await refusalOf(() => staffSessions.signIn('staff1', PINS.staff))).toBe('bad_login');
    expect(await refusalOf(() => staffSessions.signIn('staff1', '0000'))).toBe('bad_login');
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 1 });
    k.now.ms += 1;
    expect(staffSessions.signIn('staff1', PINS.staff).role).toBe('staff');
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('5 wrong PINs lock new sign-ins until the lock expires, and leave an open session working', async () => {
    const k = await start({ config: LOCK });
    const { staffSessions } = k.kiosk;
    const before = staffSessions.signIn('staff1', PINS.staff);
    for (let n = 1; n <= 5; n++) {
      expect(await refusalOf(() => staffSessions.signIn('staff1', '0000'))).toBe('bad_login');
      if (n < 5) k.now.ms += pauseAfter(n, LOCK);
    }
    const lockedAt = k.now.ms;
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 5, lockedUntil: lockedAt + 900_000 });
    expect(staffSessions.authorize(before.token, ['staff'])).toMatchObject({ accountId: 'staff1' });

    // A clock set back an hour does not lift the lock early.
    k.now.ms -= 3_600_000;
    expect(await refusalOf(() => staffSessions.signIn('staff1', PINS.staff))).toBe('bad_login');
    k.now.ms = lockedAt + 899_999;
    expect(await refusalOf(() => staffSessions.signIn('staff1', PINS.staff))).toBe('bad_login');
    expect(staffSessions.authorize(before.token, ['staff'])).toMatchObject({ accountId: 'staff1' });
    k.now.ms += 1; // locked until that instant, not through it
    expect(staffSessions.signIn('staff1', PINS.staff).role).toBe('staff');

    const actions = k.store.audit
      .list(0, 100)
      .filter((a) => a.subject === 'account:staff1')
      .map((a) => a.action);
    expect(actions).toEqual([
      'staff.login',
      ...Array(5).fill('staff.login_failed'),
      'staff.login_locked',
      'staff.login',
    ]);
  });

  it('an unknown id, an inactive one, a wrong PIN and a locked account answer alike, after one scrypt each', async () => {
    const k = await start({ config: LOCK });
    const { staffSessions } = k.kiosk;
    for (let n = 1; n <= 5; n++) {
      answerOf(() => staffSessions.signIn('staff1', '0000'));
      if (n < 5) k.now.ms += pauseAfter(n, LOCK);
    }
    k.store.write(() => k.store.staff.setActive('technician1', false));
    const locked = answerOf(() => staffSessions.signIn('staff1', PINS.staff));
    const unknown = answerOf(() => staffSessions.signIn('nobody', PINS.staff));
    const inactive = answerOf(() => staffSessions.signIn('technician1', PINS.technician));
    const wrong = answerOf(() => staffSessions.signIn('supervisor1', '0000'));
    expect(locked).toEqual({ code: 'bad_login', message: expect.any(String), pinChecks: 1 });
    expect(unknown).toEqual(locked);
    expect(inactive).toEqual(locked);
    expect(wrong).toEqual(locked);
  });
});
