import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { formatReceipt, parseReceipt } from '../../src/domain/receipt';
import { type Harness, makeHarness } from './harness';
import { deposit, readyDossier } from './walk';

/**
 * Issue 12: receipt numbers are sequential with a public check digit, so an answer that differs
 * between "no such receipt" and "wrong code" lets a stranger walk them. Both must give the same
 * code, message and hashing work. Hashes are counted by wrapping node:crypto.
 */
const hashes = vi.hoisted(() => ({ hmac: 0, sha: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    createHmac: (...args: Parameters<typeof real.createHmac>) => {
      hashes.hmac++;
      return real.createHmac(...args);
    },
    createHash: (...args: Parameters<typeof real.createHash>) => {
      hashes.sha++;
      return real.createHash(...args);
    },
  };
});

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.dispose());

type Answer = { code: string; vi: string; en: string; hmac: number; sha: number };

async function answer(p: () => Promise<unknown>): Promise<Answer> {
  hashes.hmac = 0;
  hashes.sha = 0;
  const error = await p().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  // Hashes of the audit chain are the same for every attempt; counted with the rest.
  return { code: error.code, vi: error.vi, en: error.en, hmac: hashes.hmac, sha: hashes.sha };
}

function unknownLike(receiptNo: string): string {
  const parsed = parseReceipt(receiptNo);
  if (!parsed.ok) throw new Error('bad receipt');
  return formatReceipt({ ...parsed.receipt, sequence: 7777 }).compact;
}

describe('no existence oracle', () => {
  it('a typed code for an unknown receipt and a wrong one for a real receipt answer alike, with the same hashing', async () => {
    const ready = await readyDossier(h);
    const notReady = await deposit(h);
    const wrong = ready.code === '12345678' ? '87654321' : '12345678';
    const real = await answer(() =>
      h.ledger.pickup.start({ receiptNo: ready.issued.receiptNo, code: wrong }),
    );
    const early = await answer(() =>
      h.ledger.pickup.start({ receiptNo: notReady.issued.receiptNo, code: wrong }),
    );
    const none = await answer(() =>
      h.ledger.pickup.start({ receiptNo: unknownLike(ready.issued.receiptNo), code: wrong }),
    );
    expect(real.code).toBe('wrong_code');
    expect(real.hmac).toBeGreaterThan(0);
    expect(none).toEqual(real);
    expect(early).toEqual(real);
  });

  it('a QR for an unknown receipt and a forged QR for a real one answer alike, with the same hashing', async () => {
    const ready = await readyDossier(h);
    const forged = ready.issued.qrPayload.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const real = await answer(() => h.ledger.pickup.start({ qr: forged }));
    const receipt = ready.issued.receiptNo;
    const none = await answer(() =>
      h.ledger.pickup.start({ qr: forged.replace(receipt, unknownLike(receipt)) }),
    );
    expect(forged.includes(receipt)).toBe(true);
    expect(real.code).toBe('wrong_code');
    expect(real.sha).toBeGreaterThan(0);
    expect(none).toEqual(real);
  });

  it('a mistyped check digit is caught before any lookup or hashing, and that answer reveals nothing', async () => {
    const ready = await readyDossier(h);
    const r = ready.issued.receiptNo;
    const typo = r.slice(0, -1) + String((Number(r.at(-1)) + 1) % 10);
    const mistyped = await answer(() => h.ledger.pickup.start({ receiptNo: typo, code: '12345678' }));
    expect(mistyped).toMatchObject({ code: 'receipt_mistyped', hmac: 0 });
  });
});
