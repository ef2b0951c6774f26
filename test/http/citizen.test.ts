import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { formatReceipt, parseReceipt } from '../../src/domain/receipt';
import { expectRefusal } from './expect';
import { dropOff, loadResult } from './flows';
import { CITIZEN, CITIZEN_LAND, kioskPerTest, until } from './harness';

const start = kioskPerTest();

describe('drop-off at the kiosk', { timeout: 30_000 }, () => {
  it('lists the procedures with both names, the door size and the fee note', async () => {
    const { app } = await start();
    const res = await app.inject({ method: 'GET', url: '/api/v1/procedures' });
    expect(res.statusCode).toBe(200);
    const land = res.json().procedures.find((p: { code: string }) => p.code === 'LAND');
    expect(land).toEqual({
      code: 'LAND',
      nameVi: 'Thủ tục',
      nameEn: 'Procedure',
      size: 'M',
      workingDays: 10,
      feeNote: null,
      secondFactor: true,
    });
  });

  it('opens the smallest fitting door, and the receipt with its QR image comes exactly once', async () => {
    const k = await start();
    const started = await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN });
    expect(started.statusCode).toBe(201);
    const { ticket, door } = started.json();
    expect(door).toBe(1);
    expect(k.sim.truth(0, 0).doorOpen).toBe(true);

    const waiting = await k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}` });
    expect(waiting.json()).toEqual({ status: 'door_open', door: 1, receipt: null });

    k.sim.putItem(0, 0);
    k.sim.closeDoor(0, 0);
    const first = await k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}?waitMs=5000` });
    const body = first.json();
    expect(body.status).toBe('deposited');
    expect(body.receipt.receiptNo).toMatch(/^061\d{11}$/);
    expect(body.receipt.qrPayload).toMatch(new RegExp(`^DL1\\.${body.receipt.receiptNo}\\.`));
    // The picture is the QR of exactly that payload.
    const svg = Buffer.from(body.receipt.qrImage.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64');
    expect(body.receipt.qrImage).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(svg.toString('utf8')).toBe(
      await QRCode.toString(body.receipt.qrPayload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    );
    expect(body.receipt.appointmentDate).toBe('2026-11-26');
    expect(body.receipt.door).toBe(1);

    const again = await k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}` });
    expect(again.json()).toEqual({ status: 'deposited', door: 1, receipt: null });

    await until(() => k.printed.length === 1, 'the printed slip');
    expect(k.printed[0]).toMatchObject({
      qrPayload: body.receipt.qrPayload,
      doorNumber: 1,
      appointmentDate: '2026-11-26',
    });
  });

  it('a citizen who backs out and closes the door empty cancels the drop-off', async () => {
    const k = await start();
    const { ticket } = (
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN })
    ).json();
    const back = await k.app.inject({ method: 'POST', url: `/api/v1/dropoffs/${ticket}/back-out` });
    expect(back.json()).toEqual({ ok: true });
    k.sim.closeDoor(0, 0);
    const res = await k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}?waitMs=5000` });
    expect(res.json()).toEqual({ status: 'cancelled', door: 1, receipt: null });
    expect(k.store.audit.list(0, 1000).some((r) => r.action === 'dropoff.back_out')).toBe(true);
  });

  it('an unknown ticket is not found', async () => {
    const { app } = await start();
    const res = await app.inject({ method: 'GET', url: '/api/v1/dropoffs/AAAAAAAAAAAAAAAAAAAAAA' });
    expectRefusal(res, 404, 'not_found');
  });

  it('a bad body is refused with 400 and changes nothing', async () => {
    const k = await start();
    const bodies = [
      { procedureCode: 'BIRTH', phone: '0901234567' },
      { ...CITIZEN, phone: 'call me' },
      { ...CITIZEN, extra: 'field' },
      { ...CITIZEN, name: '' },
    ];
    for (const payload of bodies) {
      expectRefusal(
        await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload }),
        400,
        'bad_request',
      );
    }
    const broken = await k.app.inject({
      method: 'POST',
      url: '/api/v1/dropoffs',
      headers: { 'content-type': 'application/json' },
      payload: '{"procedureCode": ',
    });
    expectRefusal(broken, 400, 'bad_request');
    expect(k.sim.fires.length).toBe(0);
    expect(k.store.dossiers.listByState('reserved', 10)).toEqual([]);
  });

  it('an unknown procedure is not found', async () => {
    const { app } = await start();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/dropoffs',
      payload: { ...CITIZEN, procedureCode: 'NOPE' },
    });
    expectRefusal(res, 404, 'not_found');
  });

  it('no free door of that size', async () => {
    const k = await start();
    await dropOff(k, { ...CITIZEN, procedureCode: 'BIG' });
    const res = await k.app.inject({
      method: 'POST',
      url: '/api/v1/dropoffs',
      payload: { ...CITIZEN, procedureCode: 'BIG' },
    });
    expectRefusal(res, 409, 'no_free_door');
  });

  it('a jammed door is refused as jammed', async () => {
    const k = await start();
    k.sim.jam(0, 0);
    const res = await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN });
    expectRefusal(res, 409, 'door_jammed');
  });

  it('with the link down the kiosk is out of service and starts nothing', async () => {
    const k = await start();
    k.cutLink(true);
    await until(() => k.link.state !== 'ready', 'the link to drop');
    const status = await k.app.inject({ method: 'GET', url: '/api/v1/kiosk/status' });
    expect(status.json()).toMatchObject({ inService: false, linkDown: true, maintenance: false });
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN }),
      503,
      'link_down',
    );
    expectRefusal(
      await k.app.inject({
        method: 'POST',
        url: '/api/v1/pickups',
        payload: { receiptNo: '06126112300017', code: '12345678' },
      }),
      503,
      'link_down',
    );
    expect(k.sim.fires.length).toBe(0);
  });

  it('in maintenance mode nothing starts', async () => {
    const k = await start();
    k.store.settings.setMaintenanceMode(true, k.now.ms);
    const status = await k.app.inject({ method: 'GET', url: '/api/v1/kiosk/status' });
    expect(status.json()).toEqual({
      inService: false,
      maintenance: true,
      linkDown: false,
      freeDoors: { S: 3, M: 2, L: 1 },
    });
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN }),
      503,
      'kiosk_maintenance',
    );
    expect(k.sim.fires.length).toBe(0);
  });

  it('door opens are capped per minute for the whole kiosk', async () => {
    const k = await start({ config: { opensPerMinute: 2 } });
    for (const door of [1, 2]) {
      const res = await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN });
      expect(res.json().door).toBe(door);
    }
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN }),
      429,
      'opens_capped',
    );
    expect(k.sim.fires.length).toBe(2);
    k.now.ms += 61_000;
    const later = await k.app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: CITIZEN });
    expect(later.json().door).toBe(3);
  });
});

describe('pickup at the kiosk', { timeout: 30_000 }, () => {
  it('the receipt QR opens the result door once; the door closed empty completes it; one rating', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const lockerId = await loadResult(k, dropped.dossierId);
    const res = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr: dropped.receipt.qrPayload },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { ticket, door } = res.json();
    expect(door).toBe(lockerId);
    expect((await k.app.inject({ method: 'GET', url: `/api/v1/pickups/${ticket}` })).json().status).toBe(
      'door_open',
    );
    const early = await k.app.inject({
      method: 'POST',
      url: `/api/v1/pickups/${ticket}/rating`,
      payload: { rating: 5 },
    });
    expectRefusal(early, 409, 'pickup_not_done');

    k.sim.takeItem(0, k.channel(lockerId));
    k.sim.closeDoor(0, k.channel(lockerId));
    const done = await k.app.inject({ method: 'GET', url: `/api/v1/pickups/${ticket}?waitMs=5000` });
    expect(done.json()).toEqual({ status: 'picked_up', door: lockerId });

    expectRefusal(
      await k.app.inject({ method: 'POST', url: `/api/v1/pickups/${ticket}/rating`, payload: { rating: 9 } }),
      400,
      'bad_request',
    );
    const rated = await k.app.inject({
      method: 'POST',
      url: `/api/v1/pickups/${ticket}/rating`,
      payload: { rating: 4 },
    });
    expect(rated.json()).toEqual({ ok: true });
    expect(k.store.dossiers.get(dropped.dossierId)!.rating).toBe(4);
    const twice = await k.app.inject({
      method: 'POST',
      url: `/api/v1/pickups/${ticket}/rating`,
      payload: { rating: 5 },
    });
    expectRefusal(twice, 409, 'not_allowed');

    const reused = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr: dropped.receipt.qrPayload },
    });
    expectRefusal(reused, 409, 'already_picked_up');
  });

  it('the receipt number and the typed code open the door', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const code = k.pickupCode(dropped.dossierId);
    const res = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { receiptNo: dropped.receipt.receiptNo, code },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a wrong code is refused; five in a row lock the typed code, and the QR still opens the door', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const wrong = { receiptNo: dropped.receipt.receiptNo, code: '00000000' };
    for (let i = 0; i < 5; i++) {
      expectRefusal(
        await k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: wrong }),
        403,
        'wrong_code',
      );
    }
    const right = { receiptNo: dropped.receipt.receiptNo, code: k.pickupCode(dropped.dossierId) };
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: right }),
      423,
      'dossier_locked',
    );
    expect(k.store.attempts.forDossier(dropped.dossierId)?.lockedAt).not.toBeNull();
    const byQr = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr: dropped.receipt.qrPayload },
    });
    expect(byQr.statusCode, byQr.body).toBe(201);
  });

  it('an unknown receipt number and a wrong code answer byte for byte alike', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const real = dropped.receipt.receiptNo;
    // Another receipt of the same kiosk and day, with a valid check digit, that no dossier has.
    const parsed = parseReceipt(real);
    if (!parsed.ok) throw new Error('bad receipt');
    const unknown = formatReceipt({ ...parsed.receipt, sequence: parsed.receipt.sequence + 500 }).compact;
    const wrong = k.pickupCode(dropped.dossierId) === '00000000' ? '11111111' : '00000000';
    const ask = (receiptNo: string) =>
      k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: { receiptNo, code: wrong } });
    const a = await ask(real);
    const b = await ask(unknown);
    expectRefusal(a, 403, 'wrong_code');
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.body).toBe(a.body);
  });

  it('a sensitive procedure asks for the second factor once the secret is proven', async () => {
    const k = await start();
    const dropped = await dropOff(k, CITIZEN_LAND);
    await loadResult(k, dropped.dossierId);
    const qr = dropped.receipt.qrPayload;
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: { qr } }),
      403,
      'second_factor_required',
    );
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: { qr, secondFactor: '1111' } }),
      403,
      'wrong_code', // a wrong second factor counts as a failed attempt like any other
    );
    const ok = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr, secondFactor: '5678' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('pickup attempts are rate limited per receipt number, not only per address', async () => {
    const k = await start({ config: { attemptsPerMinute: 3 } });
    const tries = (receiptNo: string) =>
      k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: { receiptNo, code: '12345678' } });
    for (let i = 0; i < 3; i++) expect((await tries('06126112300017')).statusCode).not.toBe(429);
    expectRefusal(await tries('061-261123-0001-7'), 429, 'rate_limited');
    expect((await tries('06126112300025')).statusCode).not.toBe(429);
  });

  it("typed guesses at a receipt number do not use up its QR's rate limit", async () => {
    const k = await start({ config: { attemptsPerMinute: 3 } });
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const typed = () =>
      k.app.inject({
        method: 'POST',
        url: '/api/v1/pickups',
        payload: { receiptNo: dropped.receipt.receiptNo, code: '12345678' },
      });
    for (let i = 0; i < 3; i++) expect((await typed()).statusCode).not.toBe(429);
    expectRefusal(await typed(), 429, 'rate_limited');
    const byQr = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr: dropped.receipt.qrPayload },
    });
    expect(byQr.statusCode, byQr.body).toBe(201);
  });

  it('garbled input: neither a QR nor a number and code', async () => {
    const k = await start();
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: { code: '1234' } }),
      400,
      'bad_request',
    );
    expectRefusal(
      await k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload: { qr: 'hello' } }),
      400,
      'not_our_qr',
    );
  });

  it('in maintenance mode no pickup starts', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    k.store.settings.setMaintenanceMode(true, k.now.ms);
    const res = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { qr: dropped.receipt.qrPayload },
    });
    expectRefusal(res, 503, 'kiosk_maintenance');
  });
});

describe('what the logs hold', { timeout: 30_000 }, () => {
  it('ids only: no name, phone, QR payload, code or ticket in any log line', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const code = k.pickupCode(dropped.dossierId);
    await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { receiptNo: dropped.receipt.receiptNo, code: '99999999' },
    });
    await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { receiptNo: dropped.receipt.receiptNo, code },
    });
    await k.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { accountId: 'staff1', pin: '0000' },
    });
    const text = k.logs.join('\n');
    expect(k.logs.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('"route":"/api/v1/dropoffs"');
    for (const secret of [
      CITIZEN.name,
      CITIZEN.phone,
      dropped.receipt.qrPayload,
      code,
      dropped.ticket,
      '99999999',
      '"pin"',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
