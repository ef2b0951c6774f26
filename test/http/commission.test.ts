import { describe, expect, it } from 'vitest';
import { expectRefusal } from './expect';
import { dropOff } from './flows';
import { kioskPerTest, until } from './harness';

const start = kioskPerTest();

const URL = '/api/v1/tech/buses/0/commission';
const CONFIRMED = { allShutAndEmpty: true };

/** A Kerong CU16 bank whose board reads its hooks as kerong-lib does (bit 0 = locked). */
async function kerongKiosk() {
  const k = await start({ bank: { dialect: 'kerong', wire: { polarity: 'inverted' } } });
  await until(() => k.link.state === 'ready' && k.link.snapshot().length === 1, 'the Kerong link');
  return k;
}

describe('POST /api/v1/tech/buses/:bank/commission', { timeout: 30_000 }, () => {
  it('answers a technician with the fitting polarity, per-board notes and the overrides to configure', async () => {
    const k = await kerongKiosk();
    const headers = await k.signIn('technician');
    const res = await k.app.inject({ method: 'POST', url: URL, headers, payload: CONFIRMED });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      bank: 0,
      confidence: 'high',
      fit: { hookActiveHigh: false, infraredActiveHigh: true, bitOrder: 'lsb-first', layout: 'usual' },
      overrides: { hookActiveHigh: false, infraredActiveHigh: true },
      linkReadAllOpen: true,
      boards: [{ board: 0, answered: true, replyCommand: 0x35, misfits: [] }],
    });
    expect(res.json().explanation.length).toBeGreaterThan(0);
    expect(k.sim.fires).toEqual([]);
    expect(k.store.audit.list(0, 1000).map((r) => [r.action, r.actor])).toContainEqual([
      'bus.commission_probe',
      'technician:technician1',
    ]);
    await until(() => k.link.state === 'ready', 'the link restarted');
  });

  it('is for technicians only, and needs the premise confirmed', async () => {
    const k = await kerongKiosk();
    expectRefusal(
      await k.app.inject({ method: 'POST', url: URL, payload: CONFIRMED }),
      401,
      'unauthenticated',
    );
    const staff = await k.signIn('staff');
    expectRefusal(
      await k.app.inject({ method: 'POST', url: URL, headers: staff, payload: CONFIRMED }),
      403,
      'forbidden',
    );
    const headers = await k.signIn('technician');
    for (const payload of [{}, { allShutAndEmpty: false }, { ...CONFIRMED, extra: 1 }])
      expectRefusal(await k.app.inject({ method: 'POST', url: URL, headers, payload }), 400, 'bad_request');
    expectRefusal(
      await k.app.inject({
        method: 'POST',
        url: '/api/v1/tech/buses/x/commission',
        headers,
        payload: CONFIRMED,
      }),
      400,
      'bad_request',
    );
    expectRefusal(
      await k.app.inject({
        method: 'POST',
        url: '/api/v1/tech/buses/3/commission',
        headers,
        payload: CONFIRMED,
      }),
      404,
      'not_found',
    );
    expect(k.store.audit.list(0, 1000).map((r) => r.action)).not.toContain('bus.commission_probe');
  });

  it('is refused with a stable code for another dialect, and while a dossier is in a door', async () => {
    const line = await start();
    const lineHeaders = await line.signIn('technician');
    expectRefusal(
      await line.app.inject({ method: 'POST', url: URL, headers: lineHeaders, payload: CONFIRMED }),
      422,
      'commission_unsupported',
    );

    const k = await start({ bank: { dialect: 'kerong' } });
    await until(() => k.link.state === 'ready' && k.link.snapshot().length === 1, 'the Kerong link');
    await dropOff(k);
    const headers = await k.signIn('technician');
    expectRefusal(
      await k.app.inject({ method: 'POST', url: URL, headers, payload: CONFIRMED }),
      409,
      'commission_doors_loaded',
    );
    expect(k.link.state).toBe('ready');
  });
});
