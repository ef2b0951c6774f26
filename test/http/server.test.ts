import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_SETTINGS } from '../../src/config';
import { listen } from '../../src/http/server';
import { expectRefusal } from './expect';
import { CITIZEN, kioskPerTest } from './harness';

const start = kioskPerTest();

describe('where the kiosk listens', { timeout: 30_000 }, () => {
  it('with the default host nothing listens beyond loopback', async () => {
    const k = await start();
    const bound = await listen(k.app, { ...DEFAULT_HTTP_SETTINGS, port: 0 });
    expect(bound.length).toBeGreaterThan(0);
    for (const a of k.app.addresses()) expect(typeof a === 'string' ? a : a.address).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${bound[0]!.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('an office-LAN host gets its own listener on the same routes; every-interface hosts are refused', async () => {
    const k = await start({ config: { officeHost: '127.0.0.2' } });
    const bound = await listen(k.app, { host: '127.0.0.1', port: 0, officeHost: '127.0.0.2' });
    expect(bound.map((b) => b.host)).toEqual(['127.0.0.1', '127.0.0.2']);
    const office = await fetch(`http://127.0.0.2:${bound[1]!.port}/api/v1/staff/deposited`);
    expect(office.status).toBe(401);
    expect(((await office.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    await expect(listen(k.app, { host: '0.0.0.0', port: 0, officeHost: null })).rejects.toThrow(
      /every interface/,
    );
  });

  it('with an office-LAN host, citizen endpoints answer only to the kiosk screen (loopback)', async () => {
    const k = await start({ config: { officeHost: '10.0.0.5' } });
    const lan = { remoteAddress: '10.0.0.9' };
    expectRefusal(
      await k.app.inject({ method: 'GET', url: '/api/v1/procedures', ...lan }),
      403,
      'kiosk_only',
    );
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN, ...lan }),
      403,
      'kiosk_only',
    );
    expect(k.sim.fires.length).toBe(0);
    expect((await k.app.inject({ method: 'GET', url: '/api/v1/procedures' })).statusCode).toBe(200);
    const login = await k.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { accountId: 'staff1', pin: '2468' },
      ...lan,
    });
    expect(login.statusCode).toBe(201);
    const staff = await k.app.inject({
      method: 'GET',
      url: '/api/v1/staff/deposited',
      headers: { authorization: `Bearer ${login.json().token}` },
      ...lan,
    });
    expect(staff.statusCode).toBe(200);
  });
});

describe('the shell', { timeout: 30_000 }, () => {
  it('the websocket delivers door events to the kiosk screen', async () => {
    const k = await start();
    await k.app.ready();
    const ws = await k.app.injectWS('/api/v1/events');
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString())));
    const opened = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString());
        if (m.type === 'door' && m.change === 'opened') resolve();
      });
    });
    const started = await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN });
    expect(started.statusCode).toBe(201);
    await opened;
    expect(messages).toContainEqual({ type: 'door', lockerId: 1, change: 'opened' });
    expect(messages).toContainEqual({ type: 'progress', flow: 'dropoff', door: 1, status: 'door_open' });
    const deposited = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        if (JSON.parse(data.toString()).status === 'deposited') resolve();
      });
    });
    k.sim.putItem(0, 0);
    k.sim.closeDoor(0, 0);
    await deposited;
    expect(messages).toContainEqual({ type: 'door', lockerId: 1, change: 'closed' });
    const heard = JSON.stringify(messages);
    for (const secret of [CITIZEN.phone, CITIZEN.name, started.json().ticket])
      expect(heard).not.toContain(secret);
    ws.terminate();
  });

  it('the OpenAPI document comes from the route schemas; responses carry the security headers', async () => {
    const k = await start();
    const res = await k.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/dropoffs',
      '/api/v1/pickups',
      '/api/v1/staff/deposited',
      '/api/v1/tech/lockers/bulk-open',
      '/healthz',
    ]) {
      expect(paths).toContain(p);
    }
    expect(
      res.json().paths['/api/v1/dropoffs'].post.requestBody.content['application/json'].schema.required,
    ).toContain('phone');
    const ui = await k.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    const api = await k.app.inject({ method: 'GET', url: '/api/v1/procedures' });
    expect(api.headers['content-security-policy']).toContain("default-src 'self'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(paths.some((p) => p.startsWith('/api/v1/sim'))).toBe(false);
    expect(res.json().paths['/api/v1/staff/deposited'].get.security).toEqual([{ bearer: [] }]);
    expect(res.json().paths['/api/v1/procedures'].get.security).toBeUndefined();
  });

  it('requests from other machines are rate limited per address; the kiosk screen is not', async () => {
    const k = await start({ config: { requestsPerMinute: 3 } });
    const from = (remoteAddress: string) => k.app.inject({ method: 'GET', url: '/healthz', remoteAddress });
    for (let i = 0; i < 3; i++) expect((await from('10.0.0.9')).statusCode).toBe(200);
    expectRefusal(await from('10.0.0.9'), 429, 'rate_limited');
    expect((await from('10.0.0.10')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await from('127.0.0.1')).statusCode).toBe(200);
  });

  it('an unknown path is not found with the common error body', async () => {
    const k = await start();
    expectRefusal(await k.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
  });
});

describe('the demo simulator', { timeout: 30_000 }, () => {
  it('its hands walk a drop-off through the API alone', async () => {
    const k = await start({ simulator: true });
    const { ticket, door } = (
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN })
    ).json();
    expect(
      (await k.app.inject({ method: 'POST', url: `/api/v1/sim/lockers/${door}/put_item` })).json(),
    ).toEqual({ ok: true });
    await k.app.inject({ method: 'POST', url: `/api/v1/sim/lockers/${door}/close` });
    const res = await k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}?waitMs=5000` });
    expect(res.json().status).toBe('deposited');
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/sim/lockers/1/explode' }),
      400,
      'bad_request',
    );
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/sim/lockers/42/close' }),
      404,
      'not_found',
    );
  });

  it('cutting the cable puts the kiosk out of service', async () => {
    const k = await start({ simulator: true });
    await k.app.inject({ method: 'PUT', url: '/api/v1/sim/banks/0/link', payload: { cut: true } });
    for (let i = 0; i < 1500 && k.link.state === 'ready'; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await k.app.inject({ method: 'GET', url: '/api/v1/kiosk/status' })).json().linkDown).toBe(true);
    await k.app.inject({ method: 'PUT', url: '/api/v1/sim/banks/0/link', payload: { cut: false } });
    for (let i = 0; i < 1500 && k.link.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await k.app.inject({ method: 'GET', url: '/api/v1/kiosk/status' })).json().linkDown).toBe(false);
  });

  it('is not mounted when the simulator does not run', async () => {
    const k = await start();
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/sim/lockers/1/close' }),
      404,
      'not_found',
    );
  });
});

describe('closing', { timeout: 30_000 }, () => {
  it('a long poll in progress does not hold the server open', async () => {
    const k = await start();
    const { ticket } = (
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN })
    ).json();
    const poll = k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}?waitMs=25000` });
    await new Promise((r) => setTimeout(r, 50));
    let answered = false;
    void poll.then(() => {
      answered = true;
    });
    await k.app.close();
    expect(answered).toBe(true);
    expect((await poll).json()).toEqual({ status: 'door_open', door: 1, receipt: null });
  });
});
