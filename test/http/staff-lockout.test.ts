import { describe, expect, it } from 'vitest';
import { pauseAfter } from '../../src/kiosk/staff-sessions';
import { expectRefusal } from './expect';
import { type Kiosk, kioskPerTest, PINS } from './harness';

const start = kioskPerTest();
const LOCK = { loginMaxFailures: 5, loginLockMs: 900_000 };

const login = (k: Kiosk, accountId: string, pin: string) =>
  k.app.inject({ method: 'POST', url: '/api/v1/session', payload: { accountId, pin } });

describe('staff lockout through HTTP (issue 12)', { timeout: 30_000 }, () => {
  it('5 wrong PINs lock new sign-ins, alike an unknown id, and leave an open session working', async () => {
    const k = await start({ config: LOCK });
    const headers = await k.signIn('staff');
    for (let n = 1; n <= 5; n++) {
      expectRefusal(await login(k, 'staff1', '0000'), 401, 'bad_login');
      if (n < 5) k.now.ms += pauseAfter(n, LOCK);
    }
    const lockedAt = k.now.ms;

    // The session opened before the lock still works.
    expect((await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers })).statusCode).toBe(
      200,
    );

    // A locked id with its right PIN and an unknown id get the same answer, byte for byte.
    const locked = await login(k, 'staff1', PINS.staff);
    const unknown = await login(k, 'nobody', PINS.staff);
    expectRefusal(locked, 401, 'bad_login');
    expect({ status: unknown.statusCode, body: unknown.json() }).toEqual({
      status: locked.statusCode,
      body: locked.json(),
    });

    k.now.ms = lockedAt + 899_999;
    expectRefusal(await login(k, 'staff1', PINS.staff), 401, 'bad_login');
    k.now.ms += 1;
    expect((await login(k, 'staff1', PINS.staff)).statusCode).toBe(201);
  });
});
