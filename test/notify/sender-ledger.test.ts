import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxSender, createWebhookProvider } from '../../src/notify';
import { CITIZEN_A, type Harness, makeHarness } from '../ledger/harness';
import { readyDossier } from '../ledger/walk';
import { KIOSK_KEY } from '../support/fixtures';
import { TestGateway } from './http-gateway';
import { databaseBytes } from './outbox-fixture';

const SECRET = Buffer.alloc(32, 0x33);

let h: Harness;
let gateway: TestGateway;
beforeEach(async () => {
  h = makeHarness();
  gateway = await TestGateway.start(SECRET);
});
afterEach(async () => {
  h.dispose();
  await gateway.stop();
});

describe('outbox sender over the ledger and a signed HTTP gateway', () => {
  it('sends the receipt and the pickup code queued by a real drop-off and loading', async () => {
    const { dossierId, issued, code } = await readyDossier(h);
    gateway.script.push(503, 200, 200);
    const sender = createOutboxSender({
      store: h.store,
      provider: createWebhookProvider({ url: gateway.url('/script'), secret: SECRET, timeoutMs: 5000 }),
      kioskKey: KIOSK_KEY,
      kioskName: 'UBND Phường 11, Quận 6',
      reclaimAfterDays: 14,
      logger: { info() {}, warn() {}, error() {} },
      random: () => 0,
    });

    const first = await sender.drainOnce(h.now.ms);
    expect(first).toEqual({ sent: 1, retried: 1, failed: 0, skipped: 0 });
    const pending = h.store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
    expect(pending.map((m) => m.kind)).toEqual(['dropoff_receipt']);
    expect(await sender.drainOnce(pending[0]!.nextAttemptAt)).toMatchObject({ sent: 1 });

    const texts = gateway.received.map((r) => r.body);
    expect(texts.map((t) => t.kind)).toEqual(['dropoff_receipt', 'result_ready', 'dropoff_receipt']);
    expect(
      texts.every((t) => t.to === CITIZEN_A.applicantPhone && t.text.includes(issued.receiptDisplay)),
    ).toBe(true);
    const ready = texts.find((t) => t.kind === 'result_ready')!;
    expect(ready.text).toContain(code);
    expect(ready.text).toContain('UBND Phuong 11, Quan 6');
    // The retried receipt went out under the same idempotency key.
    expect(gateway.received[0]!.idempotencyKey).toBe(gateway.received[2]!.idempotencyKey);
    expect(texts.filter((t) => t.kind === 'dropoff_receipt').every((t) => !t.text.includes(code))).toBe(true);

    expect(h.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    expect(h.store.dossiers.get(dossierId)!.state).toBe('ready');
    const bytes = databaseBytes(h.file);
    expect(bytes).toContain(issued.receiptNo);
    expect(bytes).not.toContain(code);
  });
});
