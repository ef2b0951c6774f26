import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { receiptFor } from '../../src/domain/receipt';
import { openStore } from '../../src/store';
import { codeOf, KioskApi, type Reply } from '../e2e/api';
import { KioskRig, STAFF, TECHNICIAN } from '../e2e/rig';
import { collect, dropOff, loadResult, nextFire } from '../e2e/walk';
import { haveSocat } from '../firmware-bridge/transports/socat-pair';

let rig: KioskRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

/** Values that must never reach a log line, nor an error meant for someone else. */
const CANARY = {
  name: 'Trương Canarybird Quỳnh',
  phone: '0961234987',
  idNumber: '079301004321',
};

/** Every file the daemon wrote in its directory besides the database and its backups. */
function logFiles(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'backups') walk(path);
      } else if (!/\.db(-wal|-shm)?$|\.json$|\.secret$|\.key$/.test(name) && statSync(path).isFile()) {
        out.push(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(dir);
  return out.join('\n');
}

/** A receipt of this kiosk from the first working days of the year, its check digit right. */
const LATE_RECEIPT = receiptFor('061', new Date('2026-01-02T03:00:00Z'), 9).compact;

/** A dossier at the counter whose appointment passed long ago, with the canary's contact data. */
function seedLateDossier(dbPath: string): number {
  const store = openStore(dbPath);
  try {
    return store.write(() =>
      store.dossiers.insert({
        receiptNo: LATE_RECEIPT,
        procedureCode: 'CT-01',
        origin: 'counter',
        state: 'at_counter',
        createdAt: Date.now() - 30 * 86_400_000,
        applicantName: CANARY.name,
        applicantPhone: CANARY.phone,
        appointmentDate: '2026-01-05',
      }),
    );
  } finally {
    store.close();
  }
}

// The rig's QR scanner is a real pty, made by socat.
describe.skipIf(!haveSocat())('personal data and secrets', () => {
  it('pushed through every flow, never appear in the logs at any level nor in errors for others', async () => {
    rig = await KioskRig.create({ render: false, config: (doc) => (doc.logging = { level: 'trace' }) });
    // A canary's dossier already past its appointment when the daemon starts: marked late by the
    // daemon itself, its apology texted and its letter printed by staff.
    await rig.start();
    expect(await rig.stop()).toEqual({ code: 0, signal: null });
    const lateId = seedLateDossier(rig.dbPath);
    const daemon = await rig.start();
    await daemon.line('scanner open');
    await daemon.line('housekeeping done');
    const kiosk = new KioskApi(rig.base);
    const staff = await kiosk.signIn(STAFF);
    const tech = await kiosk.signIn(TECHNICIAN);
    const errors: Reply<unknown>[] = [];
    const note = <T>(r: Reply<T>): Reply<T> => {
      if (r.status >= 400) errors.push(r);
      return r;
    };
    const canary = { procedureCode: 'HKD-01', name: CANARY.name, phone: CANARY.phone };

    // Drop-off: one backed out (cancelled), one with an online code, one kept.
    const backOut = note(await kiosk.call<{ ticket: string; door: number }>('POST', '/dropoffs', canary));
    await rig.doorOpens(backOut.body.door);
    note(await kiosk.call('POST', `/dropoffs/${backOut.body.ticket}/back-out`));
    rig.close(backOut.body.door);
    note(await kiosk.call('GET', `/dropoffs/${backOut.body.ticket}?waitMs=10000`));
    note(await kiosk.call('POST', '/dropoffs', { ...canary, onlineCode: CANARY.idNumber }));
    const dropped = await dropOff(rig, kiosk, staff, canary);

    // Staff search by what a person would type, collect, register a result filed at the counter.
    for (const q of [CANARY.name, CANARY.phone, CANARY.idNumber]) {
      note(await staff.call('GET', `/staff/dossiers/find?q=${encodeURIComponent(q)}`));
    }
    await collect(rig, staff, tech, dropped.dossierId, `HS-${CANARY.idNumber}`);
    note(
      await staff.call('POST', '/results', {
        procedureCode: 'CT-01',
        origin: 'counter',
        externalCode: `HS-${CANARY.idNumber}-2`,
        name: CANARY.name,
        phone: CANARY.phone,
      }),
    );
    await loadResult(rig, staff, tech, dropped.dossierId);
    note(await staff.call('POST', `/staff/dossiers/${dropped.dossierId}/remind`));
    const code = await rig.sms.pickupCode(dropped.receipt.receiptDisplay);
    const qr = dropped.receipt.qrPayload;
    const qrSecret = qr.split('.').at(-1)!;

    // Failed pickups until the dossier locks (a wrong ID number typed as the code among them),
    // a staff release, then the pickup with the real code, and the rating.
    const wrong = code === '12345678' ? '87654321' : '12345678';
    for (const attempt of [wrong, CANARY.idNumber.slice(0, 8), wrong, wrong, wrong, code]) {
      note(await kiosk.call('POST', '/pickups', { receiptNo: dropped.receipt.receiptNo, code: attempt }));
    }
    note(await kiosk.call('POST', '/pickups', { qr: qr.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }));
    note(await staff.call('POST', `/staff/dossiers/${dropped.dossierId}/release-lock`));
    const pickup = note(
      await kiosk.call<{ ticket: string; door: number }>('POST', '/pickups', {
        receiptNo: dropped.receipt.receiptNo,
        code,
      }),
    );
    expect(pickup.status, pickup.text).toBe(201);
    await rig.emptyAndShut(pickup.body.door);
    note(await kiosk.call('GET', `/pickups/${pickup.body.ticket}?waitMs=10000`));
    note(await kiosk.call('POST', `/pickups/${pickup.body.ticket}/rating`, { rating: 4 }));
    // The spent QR scanned, and typed on screen: refused.
    const seen = rig.sim.fires.length;
    rig.scanner.scan(qr);
    await daemon.line('pickup scan refused');
    note(await kiosk.call('POST', '/pickups', { qr }));
    expect(rig.sim.fires.length).toBe(seen);

    // A second canary dossier picked up by the kiosk's own scanner, its door shown and rated.
    const second = await dropOff(rig, kiosk, staff, canary);
    await collect(rig, staff, tech, second.dossierId, `HS-${CANARY.idNumber}-3`);
    const secondDoor = await loadResult(rig, staff, tech, second.dossierId);
    const beforeScan = rig.sim.fires.length;
    rig.scanner.scan(second.receipt.qrPayload);
    await nextFire(rig, beforeScan);
    await daemon.line('pickup started by scan'); // the screen hears of it on the live feed
    const claimed = note(await kiosk.call<{ ticket: string; door: number }>('POST', '/pickups/scanned'));
    expect(claimed.body.door).toBe(secondDoor);
    await rig.emptyAndShut(secondDoor);
    note(await kiosk.call('GET', `/pickups/${claimed.body.ticket}?waitMs=10000`));
    note(await kiosk.call('POST', `/pickups/${claimed.body.ticket}/rating`, { rating: 5 }));

    // Staff: the late list and the canary's apology letter.
    const late = note(await staff.call<{ items: { dossierId: number }[] }>('GET', '/staff/late'));
    expect(late.body.items.map((d) => d.dossierId)).toContain(lateId);
    const letter = note(await staff.call('GET', `/staff/late/${lateId}/apology`));
    expect(letter.text).toContain(LATE_RECEIPT); // the letter names the receipt, not the person
    expect(rig.sms.received.filter((m) => m.to === CANARY.phone).map((m) => m.kind)).toContain('apology');

    // Technician: maintenance, door history, an audited open whose reason names the citizen,
    // a door out of service, incidents, links, backup.
    note(await tech.call('PUT', '/tech/maintenance', { on: true }));
    note(await kiosk.call('POST', '/dropoffs', canary));
    note(await tech.call('PUT', '/tech/maintenance', { on: false }));
    note(await tech.call('GET', `/tech/lockers/${dropped.door}/history`));
    const reason = `công dân ${CANARY.name}, CCCD ${CANARY.idNumber}, SĐT ${CANARY.phone} để quên đồ`;
    const before = rig.sim.fires.length;
    note(await tech.call('POST', '/tech/lockers/31/open', { reason }));
    await nextFire(rig, before);
    rig.close(31);
    note(await tech.call('PUT', '/tech/lockers/32/service', { inService: false, reason }));
    note(await tech.call('PUT', '/tech/lockers/32/service', { inService: true }));
    // A bulk open, proven at the kiosk with the code its screen shows, the reason naming the citizen.
    const presence = note(await kiosk.call<{ code: string }>('GET', '/kiosk/presence-code'));
    const beforeBulk = rig.sim.fires.length;
    note(
      await tech.call('POST', '/tech/lockers/bulk-open', {
        presenceCode: presence.body.code,
        reason,
        lockerIds: [29, 30],
      }),
    );
    await nextFire(rig, beforeBulk);
    await nextFire(rig, beforeBulk + 1);
    rig.close(29);
    rig.close(30);
    note(await tech.call('GET', '/tech/incidents'));
    note(await tech.call('GET', '/tech/links'));
    note(await tech.call('POST', '/tech/backup'));
    note(await tech.call('POST', `/tech/dossiers/${dropped.dossierId}/release-lock`));
    // Someone else's session and mistakes: errors meant for other people.
    note(
      await kiosk.call('POST', '/session', { accountId: STAFF.accountId, pin: CANARY.idNumber.slice(0, 6) }),
    );
    note(await kiosk.call('GET', `/staff/dossiers/find?q=${encodeURIComponent(CANARY.name)}`));
    const status = await kiosk.call('GET', '/kiosk/status');
    const health = await fetch(`${rig.base}/healthz`).then((r) => r.text());

    // The texts went out through the gateway, with the code, to the canary's phone: the one place
    // these values belong besides the database.
    expect(JSON.stringify(rig.sms.received)).toContain(code);
    expect(errors.length).toBeGreaterThan(10);
    const refusals = errors.map(codeOf);
    for (const c of ['wrong_code', 'dossier_locked', 'kiosk_maintenance', 'not_found'])
      expect(refusals).toContain(c);

    expect(await rig.stop()).toEqual({ code: 0, signal: null });
    const logs = `${rig.output()}\n${logFiles(rig.dir)}`;
    expect(logs.length).toBeGreaterThan(10_000); // trace level: the logs are not empty
    const others = `${errors.map((e) => e.text).join('\n')}\n${status.text}\n${health}`;
    for (const [where, text] of [
      ['logs', logs],
      ['errors', others],
    ] as const) {
      expect(text, where).not.toMatch(/canarybird/i);
      expect(text, where).not.toContain('Trương');
      expect(text, where).not.toContain(CANARY.phone);
      expect(text, where).not.toContain(CANARY.phone.slice(1)); // +84 and bare forms
      expect(text, where).not.toContain(CANARY.idNumber);
      expect(text, where).not.toMatch(new RegExp(`\\b${code}\\b`));
      expect(text, where).not.toContain(qrSecret);
    }
  }, 180_000);
});
