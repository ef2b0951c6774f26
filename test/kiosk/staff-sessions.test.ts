import { describe, expect, it } from 'vitest';
import { refusalOf } from './flows';
import { PINS, rigPerTest } from './harness';

const start = rigPerTest();

describe('staff sign-in and sessions', { timeout: 30_000 }, () => {
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
