import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealForOutbox } from '../../src/ledger';
import {
  createOutboxSender,
  type DrainReport,
  NOTIFICATION_FAILED_INCIDENT,
  type OutboxSenderConfig,
  ProviderError,
  type RetryPolicy,
} from '../../src/notify';
import type { Store } from '../../src/store';
import {
  capturedLogger,
  databaseBytes,
  KIOSK_KEY,
  PHONE,
  readyWithNotice,
  rejected,
  ScriptedProvider,
  serverError,
  T0,
  tempStore,
} from './outbox-fixture';

const RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
const NONE: DrainReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };

let db: ReturnType<typeof tempStore>;
let store: Store;
let provider: ScriptedProvider;
let log: ReturnType<typeof capturedLogger>;

function sender(overrides: Partial<OutboxSenderConfig> = {}) {
  return createOutboxSender({
    store,
    provider,
    kioskKey: KIOSK_KEY,
    kioskName: 'UBND Phường Bình Tiên',
    reclaimAfterDays: 14,
    logger: log.logger,
    retry: RETRY,
    random: () => 0.5,
    ...overrides,
  });
}

beforeEach(() => {
  db = tempStore();
  store = db.store;
  provider = new ScriptedProvider();
  log = capturedLogger();
});
afterEach(() => db.dispose());

describe('outbox sender', () => {
  it('delivers the ready notice with the unsealed code and marks it sent', async () => {
    const { outboxId, receipt } = readyWithNotice(store, '31415926');
    expect(await sender().drainOnce(T0)).toEqual({ ...NONE, sent: 1 });
    expect(provider.sent).toHaveLength(1);
    const sms = provider.sent[0]!;
    expect(sms).toMatchObject({ id: `outbox-${outboxId}`, outboxId, kind: 'result_ready', to: PHONE });
    expect(sms.text).toContain('31415926');
    expect(sms.text).toContain(receipt.display);
    expect(sms.text).toContain('UBND Phuong Binh Tien');
    expect(sms.text).toContain('07/12/2026'); // ready 23/11 + 14 days
    expect(store.outbox.get(outboxId)).toMatchObject({ state: 'sent', sentAt: T0, attempts: 1 });
    expect(await sender().drainOnce(T0 + 3_600_000)).toEqual(NONE);
    expect(provider.sent).toHaveLength(1);
  });

  it('retries with growing, jittered pauses, then delivers', async () => {
    const { outboxId } = readyWithNotice(store, '27182818');
    provider.script.push(serverError(), serverError());
    const s = sender({ retry: { ...RETRY, maxAttempts: 5 } });

    expect(await s.drainOnce(T0)).toEqual({ ...NONE, retried: 1 });
    const first = store.outbox.get(outboxId)!;
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastError: 'server_error: http 500' });
    expect(first.nextAttemptAt).toBe(T0 + 45_000); // 60 s, equal jitter at 0.5: 30 s + 15 s

    expect(await s.drainOnce(first.nextAttemptAt - 1)).toEqual(NONE);
    expect(provider.sent).toHaveLength(1);

    expect(await s.drainOnce(first.nextAttemptAt)).toEqual({ ...NONE, retried: 1 });
    const second = store.outbox.get(outboxId)!;
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt).toBe(first.nextAttemptAt + 90_000); // 120 s at 0.5

    expect(await s.drainOnce(second.nextAttemptAt)).toEqual({ ...NONE, sent: 1 });
    expect(store.outbox.get(outboxId)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(new Set(provider.sent.map((m) => m.id))).toEqual(new Set([`outbox-${outboxId}`]));
    expect(store.incidents.listOpen()).toEqual([]);
  });

  it('honours Retry-After when the gateway asks for a longer pause', async () => {
    const { outboxId } = readyWithNotice(store, '11223344');
    provider.script.push(new ProviderError('rate_limited', true, 'http 429', 429, 600_000));
    await sender().drainOnce(T0);
    expect(store.outbox.get(outboxId)!.nextAttemptAt).toBe(T0 + 600_000);
  });

  it('a permanent refusal fails at once and opens an incident with ids only', async () => {
    const { outboxId } = readyWithNotice(store, '55667788');
    provider.script.push(rejected());
    expect(await sender().drainOnce(T0)).toEqual({ ...NONE, failed: 1 });
    expect(store.outbox.get(outboxId)).toMatchObject({ state: 'failed', attempts: 1 });
    const [incident] = store.incidents.listOpen();
    expect(incident).toMatchObject({ kind: NOTIFICATION_FAILED_INCIDENT, lockerId: null });
    expect(incident!.detail).toContain(`outbox:${outboxId}`);
    expect(incident!.detail).not.toContain('55667788');
    expect(incident!.detail).not.toContain(PHONE);
  });

  it('gives up after the last allowed attempt', async () => {
    const { outboxId } = readyWithNotice(store, '99887766');
    provider.script.push(serverError(), serverError(), serverError());
    const s = sender();
    let at = T0;
    for (let i = 0; i < RETRY.maxAttempts; i++) {
      await s.drainOnce(at);
      at = store.outbox.get(outboxId)!.nextAttemptAt;
    }
    expect(provider.sent).toHaveLength(3);
    expect(store.outbox.get(outboxId)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(store.incidents.listOpen().map((i) => i.kind)).toEqual([NOTIFICATION_FAILED_INCIDENT]);
    expect(await s.drainOnce(at + 86_400_000)).toEqual(NONE);
  });

  it('the raw code is never in the database file or its WAL, before or after sending', async () => {
    const { outboxId } = readyWithNotice(store, '86420975');
    provider.script.push(serverError());
    const s = sender();
    await s.drainOnce(T0);
    await s.drainOnce(store.outbox.get(outboxId)!.nextAttemptAt);
    expect(store.outbox.get(outboxId)!.state).toBe('sent');
    const bytes = databaseBytes(db.file);
    expect(bytes).toContain(PHONE); // the search does find what the file holds
    expect(bytes).not.toContain('86420975');
    expect(log.text()).not.toContain('86420975');
    expect(log.text()).not.toContain(PHONE);
    expect(log.text()).toContain(`"outboxId":${outboxId}`);
  });

  it('skips without incident a dossier with no contact left or already picked up', async () => {
    const purged = readyWithNotice(store, '12121212', 1, null);
    const taken = readyWithNotice(store, '34343434', 2);
    store.dossiers.update(taken.dossierId, { state: 'picked_up', lockerId: null });
    expect(await sender().drainOnce(T0)).toEqual({ ...NONE, skipped: 2 });
    expect(provider.sent).toEqual([]);
    expect(store.outbox.get(purged.outboxId)).toMatchObject({
      state: 'failed',
      lastError: 'skipped:no_contact',
    });
    expect(store.outbox.get(taken.outboxId)!.lastError).toBe('skipped:obsolete_picked_up');
    expect(store.incidents.listOpen()).toEqual([]);
  });

  it('a code sealed under another key is a fault, never sent', async () => {
    const { dossierId, receipt } = readyWithNotice(store, '10101010');
    store.outbox.enqueue({
      dossierId,
      kind: 'result_ready',
      payload: {
        receiptNo: receipt.compact,
        doorPosition: 1,
        sealed: sealForOutbox('20202020', dossierId, Buffer.alloc(32, 1)),
      },
      at: T0,
    });
    const report = await sender().drainOnce(T0);
    expect(report).toEqual({ ...NONE, sent: 1, failed: 1 });
    expect(store.incidents.listOpen()[0]!.detail).toContain('unseal_failed');
  });

  it('sends the other notices the ledger queues, in order', async () => {
    const { dossierId, receipt } = readyWithNotice(store, '76767676');
    const base = { receiptNo: receipt.compact };
    store.write(() => {
      store.outbox.enqueue({ dossierId, kind: 'pickup_reminder', payload: base, at: T0 + 1 });
      store.outbox.enqueue({
        dossierId,
        kind: 'apology',
        payload: { ...base, appointmentDate: '2026-11-20' },
        at: T0 + 2,
      });
      store.outbox.enqueue({ dossierId, kind: 'result_reclaimed', payload: base, at: T0 + 3 });
      store.outbox.enqueue({ dossierId, kind: 'mystery', payload: base, at: T0 + 4 });
    });
    expect(await sender().drainOnce(T0 + 10)).toEqual({ ...NONE, sent: 4, failed: 1 });
    expect(provider.sent.map((m) => m.kind)).toEqual([
      'result_ready',
      'pickup_reminder',
      'apology',
      'result_reclaimed',
    ]);
    expect(
      provider.sent.slice(1).every((m) => m.text.includes(receipt.display) && !m.text.includes('76767676')),
    ).toBe(true);
    expect(store.incidents.listOpen()[0]!.detail).toContain('unknown_kind');
  });

  it('concurrent drains share one pass: each message goes out once', async () => {
    readyWithNotice(store, '13572468');
    const s = sender();
    const [a, b] = await Promise.all([s.drainOnce(T0), s.drainOnce(T0)]);
    expect(a).toEqual({ ...NONE, sent: 1 });
    expect(b).toBe(a);
    expect(provider.sent).toHaveLength(1);
  });

  it('start() drains on its timer until stop()', async () => {
    const { outboxId } = readyWithNotice(store, '24681357');
    const s = sender({ intervalMs: 5, clock: () => T0 });
    const delivered = new Promise<void>((resolve) => {
      const send = provider.send.bind(provider);
      provider.send = async (m) => {
        await send(m);
        resolve();
      };
    });
    s.start();
    await delivered;
    await s.stop();
    expect(store.outbox.get(outboxId)!.state).toBe('sent');
  });

  it('refuses a kiosk name no text could carry', () => {
    expect(() => sender({ kioskName: 'x'.repeat(41) })).toThrow(/septets/);
  });
});
