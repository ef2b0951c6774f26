import { describe, expect, it } from 'vitest';
import { expectRefusal } from '../http/expect';
import { CITIZEN, kioskPerTest } from '../http/harness';
import { expectNoEcho, expectStableShape, storeSnapshot } from './strict-input';

/**
 * Strict input at the HTTP edge (issue 12): bodies carry exactly their schema's types, typed names
 * are NFC and free of control, bidi and zero-width characters, and every error (Fastify's own
 * included) answers in the stable shape without echoing what was sent.
 */
const start = kioskPerTest();

const DROPOFFS = '/api/v1/dropoffs';

describe('bodies are not coerced', { timeout: 30_000 }, () => {
  const coerced: Array<[string, Record<string, unknown>]> = [
    ['a name of true', { ...CITIZEN, name: true }],
    ['a name of ["a"]', { ...CITIZEN, name: ['Nguyễn Văn An'] }],
    ['a phone given as a number', { ...CITIZEN, phone: 901234567 }],
    ['a phone of 2^64', { ...CITIZEN, phone: 2 ** 64 }],
    ['a procedure code given as a number', { ...CITIZEN, procedureCode: 7 }],
    ['a name of null', { ...CITIZEN, name: null }],
  ];
  for (const [what, payload] of coerced) {
    it(`a drop-off with ${what} is refused and changes nothing`, async () => {
      const k = await start();
      const before = storeSnapshot(k);
      const res = await k.app.inject({ method: 'POST', url: DROPOFFS, payload });
      expectRefusal(res, 400, 'bad_request');
      expect(storeSnapshot(k)).toEqual(before);
      expect(k.sim.fires.length).toBe(0);
    });
  }

  it('a cable cut given as the text "true" is refused, the cable stays in', async () => {
    const k = await start({ simulator: true });
    const link = await k.app.inject({
      method: 'PUT',
      url: '/api/v1/sim/banks/0/link',
      payload: { cut: 'true' },
    });
    expectRefusal(link, 400, 'bad_request');
    expect(k.link.state).not.toBe('down');
  });

  it('integers in the path and the query string are still read from their digits', async () => {
    const k = await start();
    const started = await k.app.inject({ method: 'POST', url: DROPOFFS, payload: CITIZEN });
    expect(started.statusCode, started.body).toBe(201);
    const { ticket } = started.json();
    const polled = await k.app.inject({ method: 'GET', url: `${DROPOFFS}/${ticket}?waitMs=0` });
    expect(polled.statusCode, polled.body).toBe(200);
    for (const waitMs of ['1e3', '0x10', '-1', ' 5', '5.5']) {
      const res = await k.app.inject({
        method: 'GET',
        url: `${DROPOFFS}/${ticket}?waitMs=${encodeURIComponent(waitMs)}`,
      });
      expectRefusal(res, 400, 'bad_request');
    }
  });
});

describe('typed names', { timeout: 30_000 }, () => {
  const hostile: Array<[string, string]> = [
    ['NUL', 'Nguyễn\u0000Văn An'],
    ['a right-to-left override (U+202E)', 'Nguyễn \u202Ena VnăV'],
    ['a zero-width space (U+200B)', 'Nguyễn\u200B Văn An'],
    ['a first-strong isolate (U+2068)', '\u2068Nguyễn Văn An\u2069'],
    ['a line feed', 'Nguyễn\nVăn An'],
  ];
  for (const [what, name] of hostile) {
    it(`a name with ${what} is refused as text_not_allowed, no door opened`, async () => {
      const k = await start();
      const before = storeSnapshot(k);
      const res = await k.app.inject({ method: 'POST', url: DROPOFFS, payload: { ...CITIZEN, name } });
      expectRefusal(res, 400, 'text_not_allowed');
      expectNoEcho(res, name);
      expect(storeSnapshot(k)).toEqual(before);
      expect(k.sim.fires.length).toBe(0);
    });
  }

  it('a name typed with combining marks (NFD) is stored precomposed (NFC)', async () => {
    const k = await start();
    const nfd = CITIZEN.name.normalize('NFD');
    expect(nfd).not.toBe(CITIZEN.name);
    const res = await k.app.inject({ method: 'POST', url: DROPOFFS, payload: { ...CITIZEN, name: nfd } });
    expect(res.statusCode, res.body).toBe(201);
    const names = storeSnapshot(k).map((d) => (d as { name: string }).name);
    expect(names).toEqual([CITIZEN.name]);
  });

  it("a staff member's registered name and a technician's reason are checked alike", async () => {
    const k = await start();
    const staff = await k.signIn('staff');
    const result = await k.app.inject({
      method: 'POST',
      url: '/api/v1/staff/results',
      headers: staff,
      payload: {
        procedureCode: 'BIRTH',
        origin: 'online',
        externalCode: 'DVC-1',
        name: 'Lê\u202EC',
        phone: '0987654321',
      },
    });
    expectRefusal(result, 400, 'text_not_allowed');
    const tech = await k.signIn('technician');
    const open = await k.app.inject({
      method: 'POST',
      url: '/api/v1/tech/lockers/1/open',
      headers: tech,
      payload: { reason: 'check\u200Bthe lock' },
    });
    expectRefusal(open, 400, 'text_not_allowed');
    expect(k.sim.fires.length).toBe(0);
  });
});

describe("Fastify's own errors in the stable shape, echoing nothing", { timeout: 30_000 }, () => {
  it('a 3,000-character path parameter answers 414', async () => {
    const k = await start();
    const long = 'A'.repeat(3000);
    const res = await k.app.inject({ method: 'GET', url: `${DROPOFFS}/${long}` });
    expect(res.statusCode).toBe(414);
    expect(expectStableShape(res).code).toBe('bad_request');
    expectNoEcho(res, long.slice(0, 40));
  });

  it('a path parameter that does not decode answers 400 bad_request', async () => {
    const k = await start();
    const res = await k.app.inject({ method: 'GET', url: `${DROPOFFS}/SecretTicket%E0%A4%A` });
    expectRefusal(res, 400, 'bad_request');
    expectNoEcho(res, 'SecretTicket');
  });

  it('an unknown route answers 404 not_found', async () => {
    const k = await start();
    const res = await k.app.inject({ method: 'GET', url: '/api/v1/nowhere-to-be-found' });
    expectRefusal(res, 404, 'not_found');
    expectNoEcho(res, 'nowhere-to-be-found');
  });

  it('bad JSON answers 400 bad_request', async () => {
    const k = await start();
    const res = await k.app.inject({
      method: 'POST',
      url: DROPOFFS,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Secret Person", oops',
    });
    expectRefusal(res, 400, 'bad_request');
    expectNoEcho(res, 'Secret Person');
    expectNoEcho(res, 'oops');
  });

  it('a body over 64 KiB answers 413', async () => {
    const k = await start();
    const big = 'x'.repeat(70 * 1024);
    const res = await k.app.inject({ method: 'POST', url: DROPOFFS, payload: { ...CITIZEN, name: big } });
    expect(res.statusCode).toBe(413);
    expectStableShape(res);
    expectNoEcho(res, 'xxxxxxxx');
  });

  it('an unsupported content type answers 415', async () => {
    const k = await start();
    const res = await k.app.inject({
      method: 'POST',
      url: DROPOFFS,
      headers: { 'content-type': 'application/x-secret-type' },
      payload: 'name=Secret',
    });
    expect(res.statusCode).toBe(415);
    expectStableShape(res);
    expectNoEcho(res, 'x-secret-type');
  });
});

describe('the simulator routes', { timeout: 30_000 }, () => {
  it('a bank that is not simulated answers 404 not_found, not 500', async () => {
    const k = await start({ simulator: true });
    const res = await k.app.inject({
      method: 'PUT',
      url: '/api/v1/sim/banks/7/link',
      payload: { cut: true },
    });
    expectRefusal(res, 404, 'not_found');
    expect(k.link.state).not.toBe('down');
  });

  it('a door that does not exist answers 404 not_found', async () => {
    const k = await start({ simulator: true });
    const res = await k.app.inject({ method: 'POST', url: '/api/v1/sim/lockers/999/close' });
    expectRefusal(res, 404, 'not_found');
  });
});
