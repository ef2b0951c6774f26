import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store';
import { haveSocat } from '../firmware-bridge/transports/socat-pair';
import { codeOf, KioskApi } from './api';
import { KioskRig, STAFF, TECHNICIAN } from './rig';
import { collect, dropOff, loadResult, nextFire } from './walk';

let rig: KioskRig | null = null;
// E2E_LOG=FILE keeps the daemon's output of the last run for reading.
afterEach(async (context) => {
  if (rig && process.env.E2E_LOG) writeFileSync(process.env.E2E_LOG, rig.output());
  if (context.task.result?.state === 'fail' && rig) console.error(rig.output());
  await rig?.dispose();
  rig = null;
});

const AN = { procedureCode: 'HKD-01', name: 'Phạm Thị Hồng Nhung', phone: '0903111222' };
const BINH = { procedureCode: 'CT-01', name: 'Đỗ Văn Bình', phone: '0903333444' };

// The rig's QR scanner is a real pty, made by socat.
describe.skipIf(!haveSocat())(
  'the kiosk end to end, as a process on simulated hardware over loopback',
  () => {
    it('walks a dossier from drop-off to pickup by scan, prints its receipt, and stops cleanly', async () => {
      rig = await KioskRig.create();
      const daemon = await rig.start();
      await daemon.line('scanner open');
      const kiosk = new KioskApi(rig.base);
      const staff = await kiosk.signIn(STAFF);
      const tech = await kiosk.signIn(TECHNICIAN);

      // Drop-off: a door opens at the board; the dossier goes in and the door is shut.
      const firesBefore = rig.sim.fires.length;
      const dropped = await dropOff(rig, kiosk, staff, AN);
      expect(rig.firesAt(dropped.door)).toHaveLength(1);
      expect(rig.sim.fires.length).toBe(firesBefore + 1);
      const { receipt } = dropped;
      expect(receipt.receiptNo).toMatch(/^061\d+$/);
      expect(receipt.qrPayload.startsWith('DL1.')).toBe(true);
      expect(receipt.qrImage.startsWith('data:image/svg+xml;base64,')).toBe(true);
      expect(receipt.door).toBe(dropped.door);
      // The receipt comes back once.
      const again = await kiosk.call<{ status: string; receipt: unknown }>(
        'GET',
        `/dropoffs/${dropped.ticket}`,
      );
      expect(again.body).toMatchObject({ status: 'deposited', receipt: null });

      // ...and is printed: read back from the simulated printer.
      const slip = await rig.printer.nextSlip(0);
      expect(slip.qrPayloads).toEqual([receipt.qrPayload]);
      expect(slip.text).toContain(receipt.receiptDisplay);
      expect(slip.text).toContain('Đăng ký hộ kinh doanh');
      expect(slip.text).toContain(`${dropped.door}`);
      expect(slip.text).not.toContain(AN.name);
      expect(slip.png).not.toBeNull();
      const picture = PNG.sync.read(slip.png!);
      expect(picture.width).toBe(576);
      expect(picture.height).toBeGreaterThan(200);

      // Staff collect it: the door opens, they take it and shut it, and confirm it.
      const collectedDoor = await collect(rig, staff, tech, dropped.dossierId, 'HS-2026-000123');
      expect(collectedDoor).toBe(dropped.door);
      expect(rig.firesAt(dropped.door)).toHaveLength(2);

      // A second citizen drops off while the first dossier is with staff; staff collect it too.
      const second = await dropOff(rig, kiosk, staff, BINH);
      await collect(rig, staff, tech, second.dossierId, 'HS-2026-000124');

      // Staff find the first dossier by its scanned receipt and load the result.
      const found = await staff.call<{ dossierId: number; state: string }>(
        'GET',
        `/staff/dossiers/find?q=${encodeURIComponent(receipt.qrPayload)}`,
      );
      expect(found.body).toMatchObject({ dossierId: dropped.dossierId, state: 'at_counter' });
      const resultDoor = await loadResult(rig, staff, tech, dropped.dossierId);
      await loadResult(rig, staff, tech, second.dossierId);

      // The citizen scans the receipt QR at the kiosk scanner: the pickup door opens.
      const seen = rig.sim.fires.length;
      rig.scanner.scan(receipt.qrPayload);
      const fire = await nextFire(rig, seen);
      expect(fire).toMatchObject(rig.where(resultDoor));
      await rig.doorOpens(resultDoor);
      const started = await daemon.line('pickup started by scan');
      expect(started.lockerId).toBe(resultDoor);
      // The screen, told over the live feed, claims the door to show it and, after, the rating.
      const shown = await kiosk.call<{ ticket: string; door: number }>('POST', '/pickups/scanned');
      expect(shown.status, shown.text).toBe(201);
      expect(shown.body.door).toBe(resultDoor);
      rig.take(resultDoor);
      rig.close(resultDoor);
      expect(await tech.settled(resultDoor, started.operationId as number)).not.toBeNull();
      const scannedDone = await kiosk.call<{ status: string }>(
        'GET',
        `/pickups/${shown.body.ticket}?waitMs=10000`,
      );
      expect(scannedDone.body.status).toBe('picked_up');
      expect((await kiosk.call('POST', `/pickups/${shown.body.ticket}/rating`, { rating: 4 })).status).toBe(
        200,
      );

      // The same QR again opens nothing: the result is gone.
      const after = rig.sim.fires.length;
      rig.scanner.scan(receipt.qrPayload);
      expect(await daemon.line('pickup scan refused')).toMatchObject({ refusal: 'already_picked_up' });
      expect(rig.sim.fires.length).toBe(after);

      // The second citizen picks up on screen with the receipt number and the texted code, and rates.
      const code = await rig.sms.pickupCode(second.receipt.receiptDisplay);
      const wrong = await kiosk.call('POST', '/pickups', {
        receiptNo: second.receipt.receiptNo,
        code: code === '00000000' ? '11111111' : '00000000',
      });
      expect(codeOf(wrong)).toBe('wrong_code');
      const pickup = await kiosk.call<{ ticket: string; door: number }>('POST', '/pickups', {
        receiptNo: second.receipt.receiptNo,
        code,
      });
      expect(pickup.status, pickup.text).toBe(201);
      await rig.emptyAndShut(pickup.body.door);
      const done = await kiosk.call<{ status: string }>('GET', `/pickups/${pickup.body.ticket}?waitMs=10000`);
      expect(done.body.status).toBe('picked_up');
      const rated = await kiosk.call('POST', `/pickups/${pickup.body.ticket}/rating`, { rating: 5 });
      expect(rated.status, rated.text).toBe(200);
      // The first citizen was texted the receipt (its ready notice is dropped: already picked up);
      // no text carries the QR secret.
      const texts = rig.sms.received.filter((m) => m.to === AN.phone);
      expect(texts.map((m) => m.kind)).toContain('dropoff_receipt');
      const qrSecret = receipt.qrPayload.split('.').at(-1)!;
      expect(JSON.stringify(rig.sms.received)).not.toContain(qrSecret);

      // SIGTERM: exit 0, and the database is consistent.
      expect(await rig.stop()).toEqual({ code: 0, signal: null });
      const store = openStore(rig.dbPath, { quickCheck: 'startup' });
      try {
        expect(store.dossiers.get(dropped.dossierId)?.state).toBe('picked_up');
        expect(store.dossiers.get(second.dossierId)?.state).toBe('picked_up');
        expect(store.dossiers.get(second.dossierId)?.rating).toBe(5);
        expect(store.lockers.listWithOccupancy().filter((l) => l.unsettledOperation)).toEqual([]);
        expect(store.checkNow('integrity_check').ok).toBe(true);
        expect(store.audit.verifyChain().ok).toBe(true);
      } finally {
        store.close();
      }
      // Every door that fired was commanded by the daemon, once per opening.
      expect(rig.sim.fires.every((f) => f.cause.startsWith('line seq'))).toBe(true);
      expect(rig.sim.fires).toHaveLength(8);
    }, 90_000);
  },
);
