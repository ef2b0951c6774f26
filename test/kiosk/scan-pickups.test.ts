import { describe, expect, it } from 'vitest';
import { type KioskEvent, messageFor, type RefusalCode } from '../../src/kiosk';
import { dropOff, loadResult, refusalOf } from './flows';
import { CITIZEN_LAND, type KioskRig, rigPerTest, until } from './harness';

const start = rigPerTest();

const scanEvents = (k: KioskRig) => k.published.filter((e) => e.type === 'scan');
/** A refusal as the screen hears it: the code and its message in both languages. */
const refused = (code: RefusalCode): KioskEvent => {
  const { vi, en } = messageFor(code);
  return { type: 'scan', outcome: 'refused', code, message: { vi, en } };
};

/**
 * A receipt read by the kiosk's own serial scanner starts its pickup in the kiosk layer alone:
 * scanner -> kiosk service -> ledger, and the screen is told by an event. No HTTP is built here.
 */
describe("a receipt read by the kiosk's own scanner, in the kiosk layer", { timeout: 30_000 }, () => {
  it('opens the result door and announces it; the screen claims the door once, then rates', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const lockerId = await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;

    await k.scan(`${dropped.receipt.qrPayload}\r`);
    expect(k.sim.fires.length).toBe(firesBefore + 1);
    expect(scanEvents(k)).toEqual([{ type: 'scan', outcome: 'door_open', door: lockerId }]);
    expect(k.published).toContainEqual({
      type: 'progress',
      flow: 'pickup',
      door: lockerId,
      status: 'door_open',
    });

    const claimed = k.kiosk.pickups.claimScanned();
    expect(claimed.door).toBe(lockerId);
    expect(await refusalOf(() => k.kiosk.pickups.claimScanned())).toBe('not_found'); // once only

    k.sim.takeItem(0, k.channel(lockerId));
    k.sim.closeDoor(0, k.channel(lockerId));
    expect(await k.kiosk.pickups.progress(claimed.ticket, 5000)).toEqual({
      status: 'picked_up',
      door: lockerId,
    });
    await until(
      () => k.published.some((e) => e.type === 'progress' && e.status === 'picked_up'),
      'the pickup announced done',
    );
    k.kiosk.pickups.rate(claimed.ticket, 5);
    expect(k.store.dossiers.get(dropped.dossierId)).toMatchObject({ state: 'picked_up', rating: 5 });

    // The same receipt again: refused by its code, announced, and no lock fires.
    await k.scan(dropped.receipt.qrPayload);
    expect(k.sim.fires.length).toBe(firesBefore + 1);
    expect(scanEvents(k)[1]).toEqual(refused('already_picked_up'));
  });

  it('another code opens nothing and is announced as not ours; nothing scanned is published or logged', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;
    await k.scan('https://dichvucong.gov.vn/p/home');
    expect(scanEvents(k)).toEqual([refused('not_our_qr')]);
    expect(k.sim.fires.length).toBe(firesBefore);
    expect(await refusalOf(() => k.kiosk.pickups.claimScanned())).toBe('not_found');

    await k.scan(dropped.receipt.qrPayload);
    expect(scanEvents(k)).toHaveLength(2);
    const secret = dropped.receipt.qrPayload.split('.')[2]!;
    expect(JSON.stringify(k.published)).not.toContain(secret);
    expect(k.logs.join('')).not.toContain(secret);
    expect(k.logs.join('')).not.toContain(dropped.receipt.receiptNo);
    const lines = k.logs.map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg === 'pickup started by scan')).toMatchObject({
      layer: 'kiosk',
      path: 'scanner',
    });
  });

  it('a sensitive procedure: the scan is held for the digits, which open the door once', async () => {
    const k = await start();
    const dropped = await dropOff(k, CITIZEN_LAND);
    const lockerId = await loadResult(k, dropped.dossierId);
    const firesBefore = k.sim.fires.length;
    await k.scan(dropped.receipt.qrPayload);
    expect(scanEvents(k)).toEqual([refused('second_factor_required')]);
    expect(k.sim.fires.length).toBe(firesBefore);

    const { pickups } = k.kiosk;
    expect(await refusalOf(() => pickups.start({ scanned: true, secondFactor: '1111' }))).toBe('wrong_code');
    expect(await refusalOf(() => pickups.start({ scanned: true, qr: 'DL1.x.y', secondFactor: '5678' }))).toBe(
      'bad_request',
    );
    const opened = await pickups.start({ scanned: true, secondFactor: '5678' });
    expect(opened.door).toBe(lockerId);
    expect(k.sim.fires.length).toBe(firesBefore + 1);
    // Used: the held scan is gone.
    expect(await refusalOf(() => pickups.start({ scanned: true, secondFactor: '5678' }))).toBe('not_found');
  });

  it('a held scan lapses after two minutes of the injected clock', async () => {
    const k = await start();
    const dropped = await dropOff(k, CITIZEN_LAND);
    await loadResult(k, dropped.dossierId);
    await k.scan(dropped.receipt.qrPayload);
    k.now.ms += 2 * 60_000 - 1;
    const { pickups } = k.kiosk;
    // Still held a millisecond before: a wrong factor is judged, not "nothing held".
    expect(await refusalOf(() => pickups.start({ scanned: true, secondFactor: '1111' }))).toBe('wrong_code');
    k.now.ms += 1;
    expect(await refusalOf(() => pickups.start({ scanned: true, secondFactor: '5678' }))).toBe('not_found');
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

    expect(scanEvents(k).map((e) => (e.outcome === 'refused' ? e.code : e.outcome))).toEqual([
      'kiosk_maintenance',
      'link_down',
      'opens_capped',
    ]);
    expect(k.sim.fires.length).toBe(firesBefore);
    expect(k.store.dossiers.get(dropped.dossierId)!.state).toBe('ready');
    // A minute later (the injected clock) the cap has room again and the same scan opens the door.
    k.now.ms += 60_000;
    await k.scan(dropped.receipt.qrPayload);
    expect(scanEvents(k).at(-1)).toMatchObject({ outcome: 'door_open' });
    expect(k.sim.fires.length).toBe(firesBefore + 1);
  });
});
