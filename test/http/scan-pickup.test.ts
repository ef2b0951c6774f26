import { describe, expect, it } from 'vitest';
import { type ErrorCode, messageFor } from '../../src/http/errors';
import { expectRefusal } from './expect';
import { dropOff, loadResult } from './flows';
import { CITIZEN_LAND, type Kiosk, kioskPerTest, until } from './harness';

const start = kioskPerTest();

// The scan pickups themselves are the kiosk layer's (test/kiosk/scan-pickups.test.ts); these check
// what the screen meets over HTTP: the live feed, the claim route and the held scan's route.
const scanEvents = (k: Kiosk) => k.events.filter((e) => e.type === 'scan');
const refused = (code: ErrorCode) => {
  const { vi, en } = messageFor(code);
  return { type: 'scan', outcome: 'refused', code, message: { vi, en } };
};
const claim = (k: Kiosk) => k.app.inject({ method: 'POST', url: '/api/v1/pickups/scanned' });

describe("a receipt read by the kiosk's own scanner, as the screen meets it", { timeout: 30_000 }, () => {
  it('the feed says the door opened; POST /pickups/scanned answers 201 with the ticket once, then 404', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const lockerId = await loadResult(k, dropped.dossierId);
    expectRefusal(await claim(k), 404, 'not_found');

    await k.scan(dropped.receipt.qrPayload);
    await until(() => scanEvents(k).length > 0, 'the scan announced');
    expect(scanEvents(k)).toEqual([{ type: 'scan', outcome: 'door_open', door: lockerId }]);
    const claimed = await claim(k);
    expect(claimed.statusCode, claimed.body).toBe(201);
    expect(claimed.json()).toEqual({ ticket: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), door: lockerId });
    expectRefusal(await claim(k), 404, 'not_found');

    k.sim.takeItem(0, k.channel(lockerId));
    k.sim.closeDoor(0, k.channel(lockerId));
    const done = await k.app.inject({
      method: 'GET',
      url: `/api/v1/pickups/${claimed.json().ticket}?waitMs=5000`,
    });
    expect(done.json()).toEqual({ status: 'picked_up', door: lockerId });
  });

  it('a held scan: the feed carries the refusal in both languages; the digits go with scanned: true', async () => {
    const k = await start();
    const dropped = await dropOff(k, CITIZEN_LAND);
    const lockerId = await loadResult(k, dropped.dossierId);
    const pickup = (payload: object) => k.app.inject({ method: 'POST', url: '/api/v1/pickups', payload });
    expectRefusal(await pickup({ scanned: true, secondFactor: '5678' }), 404, 'not_found');

    await k.scan(dropped.receipt.qrPayload);
    await until(() => scanEvents(k).length === 1, 'the scan announced');
    expect(scanEvents(k)).toEqual([refused('second_factor_required')]);
    expectRefusal(await pickup({ scanned: true, secondFactor: '1111' }), 403, 'wrong_code');
    expectRefusal(await pickup({ scanned: true, qr: 'DL1.x.y', secondFactor: '5678' }), 400, 'bad_request');
    const ok = await pickup({ scanned: true, secondFactor: '5678' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().door).toBe(lockerId);
    const secret = dropped.receipt.qrPayload.split('.')[2]!;
    expect(JSON.stringify(k.events)).not.toContain(secret);
  });
});
