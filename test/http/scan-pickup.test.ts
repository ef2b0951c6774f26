import { describe, expect, it } from 'vitest';
import { type ErrorCode, messageFor } from '../../src/http/errors';
import { expectRefusal } from './expect';
import { dropOff, loadResult } from './flows';
import { CITIZEN_LAND, type Kiosk, kioskPerTest, until } from './harness';

const start = kioskPerTest();

const scanEvents = (k: Kiosk) => k.events.filter((e) => e.type === 'scan');
/** A refusal as the screen hears it: the code and its message in both languages. */
const refused = (code: ErrorCode) => {
  const { vi, en } = messageFor(code);
  return { type: 'scan', outcome: 'refused', code, message: { vi, en } };
};
const claim = (k: Kiosk) => k.app.inject({ method: 'POST', url: '/api/v1/pickups/scanned' });

describe("a receipt read by the kiosk's own scanner", { timeout: 30_000 }, () => {
  it('opens the result door, and the screen claims the door once to show it, then the rating', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const lockerId = await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;

    await k.scan(`${dropped.receipt.qrPayload}\r`);
    expect(k.sim.fires.length).toBe(firesBefore + 1);
    await until(() => scanEvents(k).length > 0, 'the scan announced');
    expect(scanEvents(k)).toEqual([{ type: 'scan', outcome: 'door_open', door: lockerId }]);

    const claimed = await claim(k);
    expect(claimed.statusCode, claimed.body).toBe(201);
    const { ticket, door } = claimed.json();
    expect(door).toBe(lockerId);
    expectRefusal(await claim(k), 404, 'not_found'); // once only

    k.sim.takeItem(0, k.channel(lockerId));
    k.sim.closeDoor(0, k.channel(lockerId));
    const done = await k.app.inject({ method: 'GET', url: `/api/v1/pickups/${ticket}?waitMs=5000` });
    expect(done.json()).toEqual({ status: 'picked_up', door: lockerId });
    const rated = await k.app.inject({
      method: 'POST',
      url: `/api/v1/pickups/${ticket}/rating`,
      payload: { rating: 5 },
    });
    expect(rated.json()).toEqual({ ok: true });
    expect(k.store.dossiers.get(dropped.dossierId)).toMatchObject({ state: 'picked_up', rating: 5 });

    // The same receipt again: refused by its code, announced, and no lock fires.
    await k.scan(dropped.receipt.qrPayload);
    expect(k.sim.fires.length).toBe(firesBefore + 1);
    await until(() => scanEvents(k).length === 2, 'the refusal announced');
    expect(scanEvents(k)[1]).toEqual(refused('already_picked_up'));
  });

  it('another code opens nothing and is announced as not ours; nothing scanned is broadcast or logged', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;
    await k.scan('https://dichvucong.gov.vn/p/home');
    await until(() => scanEvents(k).length === 1, 'the scan announced');
    expect(scanEvents(k)).toEqual([refused('not_our_qr')]);
    expect(k.sim.fires.length).toBe(firesBefore);
    expectRefusal(await claim(k), 404, 'not_found');

    await k.scan(dropped.receipt.qrPayload);
    await until(() => scanEvents(k).length === 2, 'the pickup announced');
    const secret = dropped.receipt.qrPayload.split('.')[2]!;
    expect(JSON.stringify(k.events)).not.toContain(secret);
    expect(k.logs.join('')).not.toContain(secret);
    expect(k.logs.join('')).not.toContain(dropped.receipt.receiptNo);
    expect(k.logs.map((l) => JSON.parse(l).msg)).toContain('pickup started by scan');
  });

  it('a sensitive procedure: the screen sends the digits for the held scan, and the QR never leaves the daemon', async () => {
    const k = await start();
    const dropped = await dropOff(k, CITIZEN_LAND);
    const lockerId = await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;
    await k.scan(dropped.receipt.qrPayload);
    await until(() => scanEvents(k).length === 1, 'the scan announced');
    expect(scanEvents(k)).toEqual([refused('second_factor_required')]);
    expect(k.sim.fires.length).toBe(firesBefore);

    const pickup = (payload: object) => k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload });
    expectRefusal(await pickup({ scanned: true, secondFactor: '1111' }), 403, 'wrong_code');
    expectRefusal(await pickup({ scanned: true, qr: 'DL1.x.y', secondFactor: '5678' }), 400, 'bad_request');
    const ok = await pickup({ scanned: true, secondFactor: '5678' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().door).toBe(lockerId);
    expect(k.sim.fires.length).toBe(firesBefore + 1);
    // Used: the held scan is gone.
    expectRefusal(await pickup({ scanned: true, secondFactor: '5678' }), 404, 'not_found');
  });

  it('a held scan lapses after two minutes', async () => {
    const k = await start();
    const dropped = await dropOff(k, CITIZEN_LAND);
    await loadResult(k, dropped.dossierId);
    await k.scan(dropped.receipt.qrPayload);
    k.now.ms += 2 * 60_000;
    const late = await k.app.inject({
      method: 'POST',
      url: '/api/v1/pickups',
      payload: { scanned: true, secondFactor: '5678' },
    });
    expectRefusal(late, 404, 'not_found');
  });

  it('in maintenance, with the link down, and past the cap on opens, a scan opens nothing and says why', async () => {
    const k = await start({ config: { opensPerMinute: 1 } });
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;

    k.store.write(() => k.store.settings.setMaintenanceMode(true, k.now.ms));
    await k.scan(dropped.receipt.qrPayload);
    k.store.write(() => k.store.settings.setMaintenanceMode(false, k.now.ms));

    k.cutLink(true);
    await until(() => k.link.state !== 'ready', 'the link down');
    await k.scan(dropped.receipt.qrPayload);
    k.cutLink(false);
    await until(() => k.link.state === 'ready', 'the link back');

    // The drop-off used this minute's one open.
    await k.scan(dropped.receipt.qrPayload);

    await until(() => scanEvents(k).length === 3, 'three refusals announced');
    expect(scanEvents(k).map((e) => (e.outcome === 'refused' ? e.code : e.outcome))).toEqual([
      'kiosk_maintenance',
      'link_down',
      'opens_capped',
    ]);
    expect(k.sim.fires.length).toBe(firesBefore);
    expect(k.store.dossiers.get(dropped.dossierId)!.state).toBe('ready');
  });
});
