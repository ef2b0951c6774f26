import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { formatReceipt, parseReceipt } from '../../src/domain/receipt';
import { CITIZEN_LAND, type Harness, makeHarness } from './harness';
import { deposit, readyDossier } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness({
    lockoutPolicy: { maxConsecutiveFailures: 5, kioskFailuresPerHour: 8, windowMs: 3_600_000 },
  });
});
afterEach(() => h.dispose());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

function wrongCode(code: string): string {
  return String((Number(code) + 1) % 100_000_000).padStart(8, '0');
}

describe('citizen pickup', () => {
  it('the QR from the drop-off opens the result door once; closing it empty completes the pickup', async () => {
    const { dossierId, lockerId, issued } = await readyDossier(h);
    const opened = await h.ledger.pickup.start({ qr: issued.qrPayload });
    expect(opened).toMatchObject({ ok: true, lockerId, dossierId });
    h.doors.takeItem(lockerId);
    h.doors.close(lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('picked_up');
    expect(h.store.dossiers.get(dossierId)!.pickedUpAt).toBe(h.now.ms);
    expect(await refusal(h.ledger.pickup.start({ qr: issued.qrPayload }))).toBe('already_picked_up');
  });

  it('the receipt number and the typed code from the notice open the door', async () => {
    const { issued, code, lockerId } = await readyDossier(h);
    const opened = await h.ledger.pickup.start({ receiptNo: issued.receiptDisplay, code });
    expect(opened).toMatchObject({ ok: true, lockerId });
  });

  it('closing the door on the result returns it to ready, and the same secret opens it again until it is taken', async () => {
    const { issued, code, lockerId, dossierId } = await readyDossier(h);
    const opened = await h.ledger.pickup.start({ qr: issued.qrPayload });
    h.doors.close(lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('ready');
    expect(h.store.dossiers.get(dossierId)!.state).toBe('ready');
    // Closed by mistake: the typed code works too, and taking the result spends both.
    const again = await h.ledger.pickup.start({ receiptNo: issued.receiptDisplay, code });
    expect(again).toMatchObject({ ok: true, lockerId });
    h.doors.takeItem(lockerId);
    h.doors.close(lockerId);
    expect((await h.ledger.awaitClose(again.operationId)).state).toBe('picked_up');
    expect(await refusal(h.ledger.pickup.start({ qr: issued.qrPayload }))).toBe('already_picked_up');
    expect(h.store.attempts.forDossier(dossierId).consecutiveFailures).toBe(0);
  });

  it('a wrong code is refused and reveals nothing about a dossier that is not ready', async () => {
    const { issued } = await deposit(h);
    expect(await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code: '12345678' }))).toBe(
      'wrong_code',
    );
    // With the right secret the citizen learns the state.
    expect(await refusal(h.ledger.pickup.start({ qr: issued.qrPayload }))).toBe('not_ready_yet');
  });

  it('five wrong codes lock the typed code until staff release it; the QR still opens the door', async () => {
    const { issued, code, dossierId, lockerId } = await readyDossier(h);
    for (let i = 0; i < 5; i++) {
      expect(
        await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code: wrongCode(code) })),
      ).toBe('wrong_code');
    }
    expect(await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code }))).toBe(
      'dossier_locked',
    );
    // A stranger who typed five guesses cannot take the citizen's QR away.
    const byQr = await h.ledger.pickup.start({ qr: issued.qrPayload });
    expect(byQr).toMatchObject({ ok: true, lockerId });
    h.doors.close(lockerId); // closed with the result still inside: back to ready
    expect((await h.ledger.awaitClose(byQr.operationId)).state).toBe('ready');
    expect(await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code }))).toBe(
      'dossier_locked',
    );
    expect(h.ledger.technician.releaseLock(dossierId, 'st1')).toBe(true);
    expect((await h.ledger.pickup.start({ receiptNo: issued.receiptNo, code })).ok).toBe(true);
  });

  it('the lockout survives a restart (the counters live in the database file)', async () => {
    const { issued, code } = await readyDossier(h);
    for (let i = 0; i < 5; i++)
      await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code: wrongCode(code) }));
    h = h.restart();
    expect(await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code }))).toBe(
      'dossier_locked',
    );
  });

  it('past the kiosk budget a typed failure pauses typed entry for 30 s; the QR is never paused', async () => {
    const a = await readyDossier(h);
    const b = await deposit(h);
    const tries = [a, a, a, a, b, b, b, b]; // 8 failures, no dossier reaches 5
    for (const d of tries) {
      expect(await refusal(h.ledger.pickup.start({ receiptNo: d.issued.receiptNo, code: '00000000' }))).toBe(
        'wrong_code',
      );
    }
    expect(await refusal(h.ledger.pickup.start({ receiptNo: a.issued.receiptNo, code: a.code }))).toBe(
      'kiosk_attempts_capped',
    );
    h.now.ms += 29_999;
    expect(await refusal(h.ledger.pickup.start({ receiptNo: a.issued.receiptNo, code: a.code }))).toBe(
      'kiosk_attempts_capped',
    );
    const byQr = await h.ledger.pickup.start({ qr: a.issued.qrPayload });
    expect(byQr.ok).toBe(true);
    h.doors.close(a.lockerId);
    await h.ledger.awaitClose(byQr.operationId);
    h.now.ms += 1;
    expect((await h.ledger.pickup.start({ receiptNo: a.issued.receiptNo, code: a.code })).ok).toBe(true);
  });

  it('an unknown receipt number answers like a wrong code and counts against the kiosk only', async () => {
    const { issued } = await deposit(h);
    const parsed = parseReceipt(issued.receiptNo);
    if (!parsed.ok) throw new Error('bad receipt');
    const unknown = formatReceipt({ ...parsed.receipt, sequence: 9999 }).compact;
    expect(await refusal(h.ledger.pickup.start({ receiptNo: unknown, code: '00000000' }))).toBe('wrong_code');
    expect(h.store.attempts.forKiosk('061').failures).toBe(1);
  });

  it('a mistyped receipt or a foreign QR is refused without counting', async () => {
    expect(await refusal(h.ledger.pickup.start({ receiptNo: '06126112300010', code: '00000000' }))).toBe(
      'receipt_mistyped',
    );
    expect(await refusal(h.ledger.pickup.start({ qr: 'https://example.com' }))).toBe('not_our_qr');
    expect(h.store.attempts.forKiosk('061').failures).toBe(0);
  });

  it('a sensitive procedure asks for the last phone digits once the secret is proven', async () => {
    const { issued, code } = await readyDossier(h, CITIZEN_LAND);
    expect(await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code: wrongCode(code) }))).toBe(
      'wrong_code',
    );
    expect(await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code }))).toBe(
      'second_factor_required',
    );
    expect(
      await refusal(h.ledger.pickup.start({ receiptNo: issued.receiptNo, code, secondFactor: '0000' })),
    ).toBe('wrong_code');
    expect(
      h.store.attempts.forDossier(h.store.dossiers.getByReceiptNo(issued.receiptNo)!.id).consecutiveFailures,
    ).toBe(2);
    const ok = await h.ledger.pickup.start({ receiptNo: issued.receiptNo, code, secondFactor: '5678' });
    expect(ok.ok).toBe(true);
  });

  it('a pickup whose door jams needs inspection', async () => {
    const { issued, lockerId, dossierId } = await readyDossier(h);
    h.doors.script(lockerId, { kind: 'jammed' });
    const r = await h.ledger.pickup.start({ qr: issued.qrPayload });
    expect(r).toMatchObject({ ok: false, error: 'door_jammed', needsInspection: true });
    expect(h.store.dossiers.get(dossierId)).toMatchObject({
      state: 'needs_inspection',
      inspectedFrom: 'pickup_open',
    });
  });

  it('a pickup refused by the board leaves the result ready and the secret unused', async () => {
    const { issued, lockerId, dossierId } = await readyDossier(h);
    h.doors.script(lockerId, { kind: 'refused', reason: 'fault' });
    expect(await h.ledger.pickup.start({ qr: issued.qrPayload })).toMatchObject({
      ok: false,
      error: 'door_refused',
    });
    expect(h.store.dossiers.get(dossierId)!.state).toBe('ready');
    // No door opened, so the secret was not used: the citizen tries again.
    expect((await h.ledger.pickup.start({ qr: issued.qrPayload })).ok).toBe(true);
  });

  it('a satisfaction rating is recorded once after the pickup', async () => {
    const { issued, lockerId, dossierId } = await readyDossier(h);
    expect(() => h.ledger.pickup.rate(dossierId, 5)).toThrow(/completed pickup/);
    const opened = await h.ledger.pickup.start({ qr: issued.qrPayload });
    h.doors.takeItem(lockerId);
    h.doors.close(lockerId);
    await h.ledger.awaitClose(opened.operationId);
    h.ledger.pickup.rate(dossierId, 4);
    expect(h.store.dossiers.get(dossierId)!.rating).toBe(4);
    expect(() => h.ledger.pickup.rate(dossierId, 5)).toThrow(/once/);
    expect(() => h.ledger.pickup.rate(dossierId, 9)).toThrow(/1-5/);
  });

  it('refuses pickups in maintenance mode', async () => {
    const { issued } = await readyDossier(h);
    h.ledger.technician.setMaintenance(true, 'tech1');
    expect(await refusal(h.ledger.pickup.start({ qr: issued.qrPayload }))).toBe('kiosk_maintenance');
  });
});
