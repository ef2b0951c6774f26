import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { DEFAULT_LOCKOUT_POLICY, MAX_PAUSE_MS } from '../../src/domain/lockout';
import { formatReceipt, parseReceipt } from '../../src/domain/receipt';
import { type Harness, makeHarness } from './harness';
import { readyDossier } from './walk';

/**
 * Issue 12: a stranger at the screen typing guesses with invented receipt numbers must not stop
 * citizens' pickups. The default policy, the real store (a file, reopened for a restart), a
 * simulated clock.
 */
let h: Harness;
beforeEach(() => {
  h = makeHarness({ lockoutPolicy: DEFAULT_LOCKOUT_POLICY });
});
afterEach(() => h.dispose());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

/** Receipt numbers with a valid check digit that no dossier has (sequences 5000 and up). */
function invented(like: string, n: number): string {
  const parsed = parseReceipt(like);
  if (!parsed.ok) throw new Error('bad receipt');
  return formatReceipt({ ...parsed.receipt, sequence: 5000 + n }).compact;
}

/** The stranger's guesses; each pause is waited out (at most MAX_PAUSE_MS). Returns the pauses met. */
async function strangerGuesses(like: string, guesses: number): Promise<number> {
  let pauses = 0;
  for (let n = 0; n < guesses; ) {
    const r = await refusal(h.ledger.pickup.start({ receiptNo: invented(like, n), code: '12345678' }));
    if (r === 'kiosk_attempts_capped') {
      pauses++;
      h.now.ms += MAX_PAUSE_MS;
      continue;
    }
    expect(r).toBe('wrong_code');
    n++;
  }
  return pauses;
}

/** Reaches a typed pause with invented receipts, without waiting it out. */
async function reachPause(like: string): Promise<void> {
  for (let n = 0; n < DEFAULT_LOCKOUT_POLICY.kioskFailuresPerHour; n++)
    await refusal(h.ledger.pickup.start({ receiptNo: invented(like, n), code: '12345678' }));
}

describe('a stranger typing guesses', () => {
  it("60 guesses with invented receipts leave a valid QR working, and the citizen's code after the pause", async () => {
    const citizen = await readyDossier(h);
    const pauses = await strangerGuesses(citizen.issued.receiptNo, 60);
    // Pauses met, each one lifted by waiting MAX_PAUSE_MS: never an hour-long block.
    expect(pauses).toBeGreaterThanOrEqual(60 - DEFAULT_LOCKOUT_POLICY.kioskFailuresPerHour);
    // Right after the 60th guess typed entry is paused ...
    expect(
      await refusal(h.ledger.pickup.start({ receiptNo: citizen.issued.receiptNo, code: citizen.code })),
    ).toBe('kiosk_attempts_capped');
    // ... but the QR opens the door at once.
    const byQr = await h.ledger.pickup.start({ qr: citizen.issued.qrPayload });
    expect(byQr).toMatchObject({ ok: true, lockerId: citizen.lockerId });
    h.doors.close(citizen.lockerId); // closed with the result inside: ready again
    expect((await h.ledger.awaitClose(byQr.operationId)).state).toBe('ready');
    // After the pause (at most MAX_PAUSE_MS) the typed code works too.
    h.now.ms += MAX_PAUSE_MS;
    const typed = await h.ledger.pickup.start({ receiptNo: citizen.issued.receiptNo, code: citizen.code });
    expect(typed).toMatchObject({ ok: true, lockerId: citizen.lockerId });
  });

  it('the pause survives a restart, and the QR still works after it', async () => {
    const citizen = await readyDossier(h);
    await reachPause(citizen.issued.receiptNo);
    h = h.restart();
    expect(h.store.attempts.forKiosk('061').failures).toBe(DEFAULT_LOCKOUT_POLICY.kioskFailuresPerHour);
    expect(
      await refusal(h.ledger.pickup.start({ receiptNo: citizen.issued.receiptNo, code: citizen.code })),
    ).toBe('kiosk_attempts_capped');
    expect((await h.ledger.pickup.start({ qr: citizen.issued.qrPayload })).ok).toBe(true);
  });

  it('a clock set back an hour does not lift a pause early', async () => {
    const citizen = await readyDossier(h);
    await reachPause(citizen.issued.receiptNo);
    const attempt = () =>
      refusal(h.ledger.pickup.start({ receiptNo: citizen.issued.receiptNo, code: citizen.code }));
    h.now.ms -= 3_600_000;
    expect(await attempt()).toBe('kiosk_attempts_capped');
    h.now.ms += 29_999; // the 30 s pause restarts in full from the jump
    expect(await attempt()).toBe('kiosk_attempts_capped');
    h.now.ms += 1;
    expect(await attempt()).toBeNull();
  });

  it('wrong QR secrets for a real receipt count nowhere and lock nothing', async () => {
    const citizen = await readyDossier(h);
    const forged = citizen.issued.qrPayload.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (let i = 0; i < 40; i++)
      expect(await refusal(h.ledger.pickup.start({ qr: forged }))).toBe('wrong_code');
    expect(h.store.attempts.forKiosk('061').failures).toBe(0);
    expect(h.store.attempts.forDossier(citizen.dossierId).consecutiveFailures).toBe(0);
    expect(
      (await h.ledger.pickup.start({ receiptNo: citizen.issued.receiptNo, code: citizen.code })).ok,
    ).toBe(true);
  });
});
