import { randomInt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type LockoutPolicy, pauseAfter } from '../../src/domain/lockout';
import { receiptFor } from '../../src/domain/receipt';
import { codeOf, KioskApi } from '../e2e/api';
import { KioskRig, STAFF, TECHNICIAN } from '../e2e/rig';
import { collect, dropOff, loadResult } from '../e2e/walk';
import { haveSocat } from '../firmware-bridge/transports/socat-pair';

let rig: KioskRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

const BATCHES = 5;
const PER_BATCH = 2000;
const PARALLEL = 8;
/** config/default.json's lockout section, which the rig keeps. */
const POLICY: LockoutPolicy = { maxConsecutiveFailures: 5, kioskFailuresPerHour: 30, windowMs: 3_600_000 };

/**
 * The most typed failures the policy lets through in `elapsedMs` of real time: the free budget at
 * once, then one per pause (the rig runs on the wall clock, so the pauses lift while it guesses).
 */
function mostChecked(elapsedMs: number): number {
  let n = POLICY.kioskFailuresPerHour;
  let waited = 0;
  while (waited + pauseAfter(n, POLICY) <= elapsedMs) {
    waited += pauseAfter(n, POLICY);
    n++;
  }
  return n;
}

type Tally = Record<string, number>;

function add(tally: Tally, code: string): void {
  tally[code] = (tally[code] ?? 0) + 1;
}

// The rig's QR scanner is a real pty, made by socat.
describe.skipIf(!haveSocat())('a guesser at typed pickup codes', () => {
  it('makes 10,000 attempts across daemon restarts, opens nothing, is held to the pauses, and leaves the QR working', async () => {
    rig = await KioskRig.create({ render: false });
    await rig.start();
    const kiosk = new KioskApi(rig.base);
    let staff = await kiosk.signIn(STAFF);
    const tech = await kiosk.signIn(TECHNICIAN);
    const citizen = { procedureCode: 'HKD-01', name: 'Võ Thị Mai', phone: '0908765432' };
    const target = await dropOff(rig, kiosk, staff, citizen);
    await collect(rig, staff, tech, target.dossierId, 'HS-2026-000777');
    await loadResult(rig, staff, tech, target.dossierId);
    const realCode = await rig.sms.pickupCode(target.receipt.receiptDisplay);
    const firesBefore = rig.sim.fires.length;

    // Half the guesses at the real receipt, half spread over other receipt numbers of today.
    const today = new Date();
    const guess = (i: number) => {
      let code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      if (code === realCode) code = code === '00000000' ? '11111111' : '00000000';
      const receiptNo =
        i % 2 === 0 ? target.receipt.receiptNo : receiptFor('061', today, randomInt(100, 10_000)).compact;
      return { receiptNo, code };
    };

    // After a restart, before the last batch (the per-receipt rate limit is fresh): the right code
    // meets the lock on typed codes, and staff release it. Nothing fires.
    const rightCodeStillRefused = async () => {
      const locked = await kiosk.call('POST', '/pickups', {
        receiptNo: target.receipt.receiptNo,
        code: realCode,
      });
      expect(codeOf(locked)).toBe('dossier_locked');
      staff = await kiosk.signIn(STAFF);
      const released = await staff.call('POST', `/staff/dossiers/${target.dossierId}/release-lock`);
      expect(released.status, released.text).toBe(200);
      expect(rig?.sim.fires.length).toBe(firesBefore);
    };

    const startedAt = Date.now();
    const total: Tally = {};
    const batches: Tally[] = [];
    let statuses = new Set<number>();
    for (let b = 0; b < BATCHES; b++) {
      if (b > 0) {
        expect(await rig.stop()).toEqual({ code: 0, signal: null });
        await rig.start();
      }
      if (b === BATCHES - 1) await rightCodeStillRefused();
      const tally: Tally = {};
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < PER_BATCH; i = next++) {
          const reply = await kiosk.call('POST', '/pickups', guess(b * PER_BATCH + i));
          statuses = statuses.add(reply.status);
          add(tally, codeOf(reply));
          add(total, codeOf(reply));
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      batches.push(tally);
    }
    console.info('guesser refusals by code, per batch:', JSON.stringify(batches));

    // Nothing opened: no door fired at the boards while guessing.
    expect(rig.sim.fires.length).toBe(firesBefore);
    expect(Object.values(total).reduce((a, n) => a + n, 0)).toBe(BATCHES * PER_BATCH);
    expect([...statuses].every((s) => s >= 400 && s < 500)).toBe(true);
    // Checked secrets: the kiosk's free typed budget, then one per pause, across four restarts (the
    // counters are in the store, not in the process). An unknown receipt answers as a wrong code.
    expect(total.wrong_code ?? 0).toBeGreaterThanOrEqual(POLICY.kioskFailuresPerHour);
    expect(total.wrong_code ?? 0).toBeLessThanOrEqual(mostChecked(Date.now() - startedAt));
    for (const later of batches.slice(1)) {
      // Paused, or locked until the release before the last batch: refused before any check.
      expect(later.kiosk_attempts_capped ?? 0).toBeGreaterThan(0);
    }
    expect(Object.keys(total).sort()).toEqual(
      ['dossier_locked', 'kiosk_attempts_capped', 'rate_limited', 'wrong_code'].sort(),
    );
    // The citizen's QR was never blocked by the typed guesses: it opens the door. (After a restart:
    // the HTTP rate limit per receipt number still shares one key between QR and typed code.)
    expect(await rig.stop()).toEqual({ code: 0, signal: null });
    await rig.start();
    const byQr = await kiosk.call('POST', '/pickups', { qr: target.receipt.qrPayload });
    expect(byQr.status, byQr.text).toBe(201);
    expect(rig.sim.fires.length).toBe(firesBefore + 1);
  }, 400_000);
});
