import { describe, expect, it } from 'vitest';
import { refusalOf } from './flows';
import { PINS, rigPerTest } from './harness';

const start = rigPerTest();

describe('staff sign-in and sessions', { timeout: 30_000 }, () => {
  it('wrong PINs lock the account in the store; the lock lifts after its time on the injected clock', async () => {
    const k = await start({ config: { loginMaxFailures: 3, loginLockMs: 600_000 } });
    const { staffSessions } = k.kiosk;
    // A session opened before the lock ends with it.
    const before = staffSessions.signIn('staff1', PINS.staff);
    expect(await refusalOf(() => staffSessions.signIn('staff1', '0000'))).toBe('bad_login');
    expect(await refusalOf(() => staffSessions.signIn('staff1', '0000'))).toBe('bad_login');
    expect(await refusalOf(() => staffSessions.signIn('staff1', '0000'))).toBe('login_locked');
    expect(await refusalOf(() => staffSessions.signIn('staff1', PINS.staff))).toBe('login_locked');
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 3, lockedUntil: k.now.ms + 600_000 });
    expect(await refusalOf(() => staffSessions.authorize(before.token, ['staff']))).toBe('unauthenticated');
    const actions = k.store.audit
      .list(0, 100)
      .filter((a) => a.subject === 'account:staff1')
      .map((a) => a.action);
    expect(actions).toEqual([
      'staff.login',
      'staff.login_failed',
      'staff.login_failed',
      'staff.login_failed',
      'staff.login_locked',
    ]);

    k.now.ms += 599_999;
    expect(await refusalOf(() => staffSessions.signIn('staff1', PINS.staff))).toBe('login_locked');
    k.now.ms += 1; // locked until that instant, not through it
    const after = staffSessions.signIn('staff1', PINS.staff);
    expect(after).toMatchObject({ role: 'staff', expiresAt: k.now.ms + k.config.sessionTtlMs });
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('an unknown or inactive account is refused as a wrong PIN is', async () => {
    const k = await start();
    expect(await refusalOf(() => k.kiosk.staffSessions.signIn('nobody', '1234'))).toBe('bad_login');
  });

  it('a session is authorized for its roles only, expires with the clock, and ends on sign-out', async () => {
    const k = await start({ config: { sessionTtlMs: 60_000 } });
    const { staffSessions } = k.kiosk;
    const staff = staffSessions.signIn('staff1', PINS.staff);
    expect(staffSessions.authorize(staff.token, ['staff', 'supervisor'])).toMatchObject({
      accountId: 'staff1',
    });
    expect(await refusalOf(() => staffSessions.authorize(staff.token, ['technician']))).toBe('forbidden');
    expect(await refusalOf(() => staffSessions.authorize(null, ['staff']))).toBe('unauthenticated');
    k.now.ms += 60_000;
    expect(await refusalOf(() => staffSessions.authorize(staff.token, ['staff']))).toBe('session_expired');

    const tech = staffSessions.signIn('technician1', PINS.technician);
    expect(staffSessions.signOut(tech.token)).toBe(true);
    expect(staffSessions.signOut(tech.token)).toBe(false);
    expect(await refusalOf(() => staffSessions.authorize(tech.token, ['technician']))).toBe(
      'unauthenticated',
    );
  });
});
