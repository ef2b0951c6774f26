import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookProvider, type OutgoingSms, ProviderError } from '../../src/notify';
import { TestGateway } from './http-gateway';

const SECRET = Buffer.alloc(32, 0x5a);
const SMS: OutgoingSms = {
  id: 'outbox-17',
  outboxId: 17,
  dossierId: 4,
  kind: 'result_ready',
  to: '0901234567',
  text: 'Ket qua ho so 061-261121-0042-7 da san sang. Ma nhan: 12345678.',
};

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start(SECRET);
});
afterAll(() => gateway.stop());

async function failure(path: string, options: { secret?: Buffer; timeoutMs?: number } = {}) {
  const provider = createWebhookProvider({
    url: gateway.url(path),
    secret: options.secret ?? SECRET,
    timeoutMs: options.timeoutMs ?? 5000,
  });
  const error = await provider.send(SMS).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('webhook provider', () => {
  it('delivers on 200 a signed JSON body with an idempotency key', async () => {
    const provider = createWebhookProvider({ url: gateway.url('/ok'), secret: SECRET });
    await provider.send(SMS);
    const got = gateway.received.at(-1)!;
    expect(got.path).toBe('/ok');
    expect(got.idempotencyKey).toBe('outbox-17');
    expect(got.body).toEqual({ id: 'outbox-17', kind: 'result_ready', to: SMS.to, text: SMS.text });
  });

  it('a signature under another secret is refused by the receiver: permanent', async () => {
    const before = gateway.received.length;
    const error = await failure('/ok', { secret: Buffer.alloc(32, 1) });
    expect(error).toMatchObject({ code: 'rejected', retryable: false, status: 401 });
    expect(gateway.received.length).toBe(before);
  });

  it('500 and 408 are retryable', async () => {
    expect(await failure('/fail')).toMatchObject({ code: 'server_error', retryable: true, status: 500 });
    expect(await failure('/timeout')).toMatchObject({ code: 'server_error', retryable: true, status: 408 });
  });

  it('400 is permanent', async () => {
    expect(await failure('/bad')).toMatchObject({ code: 'rejected', retryable: false, status: 400 });
  });

  it('429 is retryable and carries Retry-After', async () => {
    expect(await failure('/busy')).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      status: 429,
      retryAfterMs: 120_000,
    });
  });

  it('a reply that never comes times out, retryable', async () => {
    const error = await failure('/slow', { timeoutMs: 300 });
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(gateway.received.at(-1)!.path).toBe('/slow');
  });

  it('a refused connection is a retryable network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const provider = createWebhookProvider({ url: `http://127.0.0.1:${port}/ok`, secret: SECRET });
    const error = await provider.send(SMS).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', retryable: true, message: 'network ECONNREFUSED' });
  });

  it('refuses plain http beyond loopback and short secrets', () => {
    expect(() => createWebhookProvider({ url: 'http://sms.example/send', secret: SECRET })).toThrow(/https/);
    expect(() =>
      createWebhookProvider({ url: 'https://sms.example/send', secret: Buffer.alloc(16) }),
    ).toThrow(/32 bytes/);
    expect(() => createWebhookProvider({ url: 'https://sms.example/send', secret: SECRET })).not.toThrow();
  });
});
