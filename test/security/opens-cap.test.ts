import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, KioskApi, type Reply } from '../e2e/api';
import { KioskRig, STAFF, TECHNICIAN } from '../e2e/rig';
import { collect, type DroppedOff, dropOff, loadResult } from '../e2e/walk';
import { haveSocat } from '../firmware-bridge/transports/socat-pair';

let rig: KioskRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

const CAP = 3;
const MINUTE_MS = 60_000;
const someone = (i: number) => ({
  procedureCode: 'CT-01',
  name: `Người thử ${i}`,
  phone: `09031000${10 + i}`,
});

// The rig's QR scanner is a real pty, made by socat.
describe.skipIf(!haveSocat())('the kiosk-wide cap on door opens per minute', () => {
  it('holds whatever opening path is hammered, together: drop-off, collect, load, reclaim, pickup, scan, technician', async () => {
    rig = await KioskRig.create({ render: false, config: (doc) => (doc.opensPerMinute = 600) });
    await rig.start();
    let kiosk = new KioskApi(rig.base);
    let staff = await kiosk.signIn(STAFF);
    let tech = await kiosk.signIn(TECHNICIAN);

    // Dossiers in every state a door can be opened for, set up under a generous cap.
    const deposited: DroppedOff[] = [
      await dropOff(rig, kiosk, staff, someone(1)),
      await dropOff(rig, kiosk, staff, someone(2)),
    ];
    const atCounter = await dropOff(rig, kiosk, staff, someone(3));
    await collect(rig, staff, tech, atCounter.dossierId, 'HS-CAP-3');
    const ready: DroppedOff[] = [];
    for (const i of [4, 5]) {
      const d = await dropOff(rig, kiosk, staff, someone(i));
      await collect(rig, staff, tech, d.dossierId, `HS-CAP-${i}`);
      await loadResult(rig, staff, tech, d.dossierId);
      ready.push(d);
    }

    // The same kiosk restarted with a small cap, at once: the setup's opens of the last minute
    // still count, so the first open after the restart is refused and no lock fires.
    const setupDone = Date.now();
    expect(await rig.stop()).toEqual({ code: 0, signal: null });
    rig.editConfig((doc) => (doc.opensPerMinute = CAP));
    const daemon = await rig.start();
    await daemon.line('scanner open');
    kiosk = new KioskApi(rig.base);
    staff = await kiosk.signIn(STAFF);
    tech = await kiosk.signIn(TECHNICIAN);
    expect(Date.now() - setupDone).toBeLessThan(MINUTE_MS / 2);
    const firesAtRestart = rig.sim.fires.length;
    expect(codeOf(await kiosk.call('POST', '/dropoffs', someone(9)))).toBe('opens_capped');
    expect(rig.sim.fires.length).toBe(firesAtRestart);

    // Once the setup's minute has passed, every path at once, several times over.
    await new Promise((r) => setTimeout(r, setupDone + MINUTE_MS + 1000 - Date.now()));
    const presence = await kiosk.call<{ code: string }>('GET', '/kiosk/presence-code');
    expect(presence.status).toBe(200);
    const firesBefore = rig.sim.fires.length;
    const started = Date.now();

    const calls: Promise<Reply>[] = [];
    for (let round = 0; round < 3; round++) {
      calls.push(kiosk.call('POST', '/dropoffs', someone(10 + round)));
      for (const d of deposited) calls.push(staff.call('POST', `/staff/dossiers/${d.dossierId}/collect`));
      calls.push(staff.call('POST', `/staff/dossiers/${atCounter.dossierId}/load`));
      calls.push(staff.call('POST', `/staff/dossiers/${ready[1]!.dossierId}/reclaim`));
      calls.push(kiosk.call('POST', '/pickups', { qr: ready[0]!.receipt.qrPayload }));
      rig.scanner.scan(ready[1]!.receipt.qrPayload);
      for (const door of [20, 21, 22]) {
        calls.push(tech.call('POST', `/tech/lockers/${door}/open`, { reason: 'kiểm tra khóa' }));
      }
      calls.push(
        tech.call('POST', '/tech/lockers/bulk-open', {
          presenceCode: presence.body.code,
          reason: 'bảo trì định kỳ',
          lockerIds: [26, 27, 28, 29, 30],
        }),
      );
    }
    const replies = await Promise.all(calls);
    // Scans are read asynchronously: give their pickups time to reach the boards.
    await new Promise((r) => setTimeout(r, 2000));

    const fires = rig.sim.fires.slice(firesBefore);
    expect(Date.now() - started).toBeLessThan(MINUTE_MS); // so every fire is within one minute
    expect(fires.length).toBeGreaterThan(0);
    expect(fires.length).toBeLessThanOrEqual(CAP);
    const codes = replies.filter((r) => r.status >= 400).map(codeOf);
    expect(codes).toContain('opens_capped');
    const opened = replies.filter((r) => r.status < 400).length;
    console.info(
      `opens cap ${CAP}: ${fires.length} fires, ${opened} opened replies, refusals:`,
      codes.join(' '),
    );
  }, 240_000);
});
