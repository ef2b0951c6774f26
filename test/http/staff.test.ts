import { describe, expect, it } from 'vitest';
import { expectRefusal } from './expect';
import { dropOff, loadResult } from './flows';
import { type Kiosk, kioskPerTest, PINS } from './harness';

const start = kioskPerTest();

const login = (k: Kiosk, accountId: string, pin: string) =>
  k.app.inject({ method: 'POST', url: '/api/v1/session', payload: { accountId, pin } });

describe('signing in', { timeout: 30_000 }, () => {
  it('a right PIN opens a session that expires; the token is not stored in the clear anywhere', async () => {
    const k = await start({ config: { sessionTtlMs: 60_000 } });
    const res = await login(k, 'staff1', PINS.staff);
    expect(res.statusCode).toBe(201);
    const { token, role, expiresAt } = res.json();
    expect(role).toBe('staff');
    expect(expiresAt).toBe(k.now.ms + 60_000);
    const headers = { authorization: `Bearer ${token}` };
    expect((await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers })).statusCode).toBe(
      200,
    );
    k.now.ms += 60_001;
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers }),
      401,
      'session_expired',
    );
    expect(JSON.stringify(k.store.audit.list(0, 1000))).not.toContain(token);
  });

  it('unauthenticated and wrong-role requests are refused by the subtree hook', async () => {
    const k = await start();
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited' }),
      401,
      'unauthenticated',
    );
    const bogus = { authorization: `Bearer ${'x'.repeat(43)}` };
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers: bogus }),
      401,
      'unauthenticated',
    );
    const tech = await k.signIn('technician');
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers: tech }),
      403,
      'forbidden',
    );
    const staff = await k.signIn('staff');
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/tech/lockers', headers: staff }),
      403,
      'forbidden',
    );
    const supervisor = await k.signIn('supervisor');
    expect(
      (await k.app.inject({ method: 'GET', url: '/api/v1/staff/figures/today', headers: supervisor }))
        .statusCode,
    ).toBe(200);
  });

  it('wrong PINs lock the account, counted in the store; the lock lifts after its time', async () => {
    const k = await start({ config: { loginMaxFailures: 3, loginLockMs: 600_000 } });
    // Each wrong PIN pauses the account (1 s, then 2 s) before the third locks it.
    expectRefusal(await login(k, 'staff1', '0000'), 401, 'bad_login');
    k.now.ms += 1_000;
    expectRefusal(await login(k, 'staff1', '0000'), 401, 'bad_login');
    k.now.ms += 2_000;
    expectRefusal(await login(k, 'staff1', '0000'), 401, 'bad_login');
    expectRefusal(await login(k, 'staff1', PINS.staff), 401, 'bad_login');
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 3, lockedUntil: k.now.ms + 600_000 });
    k.now.ms += 600_001;
    expect((await login(k, 'staff1', PINS.staff)).statusCode).toBe(201);
    expect(k.store.staff.get('staff1')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('an unknown account gets the same refusal as a wrong PIN', async () => {
    const k = await start();
    expectRefusal(await login(k, 'nobody', '1234'), 401, 'bad_login');
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/session', payload: { accountId: 'staff1' } }),
      400,
      'bad_request',
    );
  });

  it('sign-in attempts are rate limited per account', async () => {
    const k = await start({ config: { attemptsPerMinute: 2, loginMaxFailures: 50 } });
    await login(k, 'staff1', '0000');
    await login(k, 'staff1', '0000');
    expectRefusal(await login(k, 'staff1', '0000'), 429, 'rate_limited');
    expect((await login(k, 'technician1', PINS.technician)).statusCode).toBe(201);
  });

  it('signing out ends the session', async () => {
    const k = await start();
    const headers = await k.signIn('staff');
    expect((await k.app.inject({ method: 'DELETE', url: '/api/v1/session', headers })).json()).toEqual({
      ok: true,
    });
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers }),
      401,
      'unauthenticated',
    );
  });
});

describe('the counter staff flows', { timeout: 30_000 }, () => {
  it('collect a deposited dossier, register it, load its result, and the citizen gets the door', async () => {
    const k = await start();
    const headers = await k.signIn('staff');
    const dropped = await dropOff(k);
    const listed = await k.app.inject({ method: 'GET', url: '/api/v1/staff/deposited', headers });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ dossierId: dropped.dossierId, state: 'deposited', doorPosition: 1 }),
    ]);
    expect(JSON.stringify(listed.json())).not.toContain('0901234567');

    const open = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dropped.dossierId}/collect`,
      headers,
    });
    expect(open.json()).toMatchObject({ dossierId: dropped.dossierId, door: 1 });
    k.sim.takeItem(0, 0);
    k.sim.closeDoor(0, 0);
    await k.ledger.awaitClose(open.json().operationId);

    const confirm = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dropped.dossierId}/collected`,
      headers,
      payload: { externalCode: 'MC-2026-000123' },
    });
    expect(confirm.json()).toEqual({ ok: true });

    for (const q of [dropped.receipt.receiptNo, dropped.receipt.qrPayload, 'MC-2026-000123']) {
      const found = await k.app.inject({
        method: 'GET',
        url: `/api/v1/staff/dossiers/find?q=${encodeURIComponent(q)}`,
        headers,
      });
      expect(found.json()).toMatchObject({
        dossierId: dropped.dossierId,
        state: 'at_counter',
        externalCode: 'MC-2026-000123',
      });
    }
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/dossiers/find?q=nothing', headers }),
      404,
      'not_found',
    );

    const load = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dropped.dossierId}/load`,
      headers,
    });
    expect(load.statusCode, load.body).toBe(200);
    const door = load.json().door;
    k.sim.putItem(0, k.channel(door));
    k.sim.closeDoor(0, k.channel(door));
    expect((await k.ledger.awaitClose(load.json().operationId)).state).toBe('ready');
    const pickup = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr: dropped.receipt.qrPayload },
    });
    expect(pickup.json().door).toBe(door);
  });

  it('a result filed online is registered and loaded for 24/7 pickup', async () => {
    const k = await start();
    const headers = await k.signIn('staff');
    const res = await k.app.inject({
      method: 'POST',
      url: '/api/v1/staff/results',
      headers,
      payload: {
        procedureCode: 'BIRTH',
        origin: 'online',
        externalCode: 'DVC-77',
        name: 'Lê Văn C',
        phone: '0987654321',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'at_counter', externalCode: 'DVC-77', lockerId: null });
    const load = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${res.json().dossierId}/load`,
      headers,
    });
    expect(load.json().door).toBe(1);
  });

  it('a staff action the lifecycle refuses is refused with its code', async () => {
    const k = await start();
    const headers = await k.signIn('staff');
    const dropped = await dropOff(k);
    const confirm = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dropped.dossierId}/collected`,
      headers,
      payload: { externalCode: 'MC-1' },
    });
    expectRefusal(confirm, 409, 'not_allowed');
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/staff/dossiers/999/collect', headers }),
      404,
      'not_found',
    );
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/staff/dossiers/abc/collect', headers }),
      400,
      'bad_request',
    );
  });

  it('uncollected results: listed after the reclaim delay, reminded, reclaimed', async () => {
    const k = await start();
    const headers = await k.signIn('staff');
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    expect(
      (await k.app.inject({ method: 'GET', url: '/api/v1/staff/uncollected', headers })).json().items,
    ).toEqual([]);
    k.now.ms += 15 * 86_400_000;
    // Two weeks later the morning's session has long expired.
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/uncollected', headers }),
      401,
      'session_expired',
    );
    const again = await k.signIn('staff');
    const due = await k.app.inject({ method: 'GET', url: '/api/v1/staff/uncollected', headers: again });
    expect(due.json().items.map((i: { dossierId: number }) => i.dossierId)).toEqual([dropped.dossierId]);

    const remind = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dropped.dossierId}/remind`,
      headers: again,
    });
    expect(remind.json()).toEqual({ ok: true });
    expect(
      k.store.outbox.due(Number.MAX_SAFE_INTEGER, 100).filter((m) => m.kind === 'pickup_reminder'),
    ).toHaveLength(1);

    const reclaim = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dropped.dossierId}/reclaim`,
      headers: again,
    });
    const door = reclaim.json().door;
    k.sim.takeItem(0, k.channel(door));
    k.sim.closeDoor(0, k.channel(door));
    expect((await k.ledger.awaitClose(reclaim.json().operationId)).state).toBe('reclaimed');
  });

  it('late dossiers, their apology letter, and the figures as JSON and CSV', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    k.now.ms += 10 * 86_400_000;
    expect(k.ledger.late.run()).toBe(1);
    const headers = await k.signIn('supervisor');
    const late = await k.app.inject({ method: 'GET', url: '/api/v1/staff/late', headers });
    expect(late.json().items).toEqual([
      expect.objectContaining({
        dossierId: dropped.dossierId,
        appointmentDate: '2026-11-26',
        state: 'deposited',
      }),
    ]);
    const letter = await k.app.inject({
      method: 'GET',
      url: `/api/v1/staff/late/${dropped.dossierId}/apology`,
      headers,
    });
    expect(letter.json().letter.vi).toContain('26/11/2026');
    expect(letter.json().letter.en).toContain(dropped.receipt.receiptNo);

    const month = await k.app.inject({ method: 'GET', url: '/api/v1/staff/reports/2026-11', headers });
    expect(month.json()).toMatchObject({ from: '2026-11-01', to: '2026-11-30', received: 1, pickedUp: 0 });
    const empty = await k.app.inject({ method: 'GET', url: '/api/v1/staff/reports/2026-10', headers });
    expect(empty.json()).toMatchObject({ received: 0, onTimeRate: null });
    const csv = await k.app.inject({ method: 'GET', url: '/api/v1/staff/reports/2026-11/csv', headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    const [head, row] = csv.body.trim().split('\r\n');
    expect(head!.split(',')).toContain('received');
    expect(row!.split(',')[head!.split(',').indexOf('received')]).toBe('1');
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/staff/reports/2026-13', headers }),
      400,
      'bad_request',
    );

    const today = await k.app.inject({ method: 'GET', url: '/api/v1/staff/figures/today', headers });
    expect(today.json()).toMatchObject({ from: '2026-12-03', received: 0 });
  });
});
