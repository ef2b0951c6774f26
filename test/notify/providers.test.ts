import { describe, expect, it } from 'vitest';
import { createLogProvider, maskPhone, signatureHeader, verifySignature } from '../../src/notify';
import { capturedLogger } from './outbox-fixture';

describe('log provider', () => {
  it('logs ids, kind and the masked phone, never the text or the number', async () => {
    const log = capturedLogger();
    await createLogProvider(log.logger).send({
      id: 'outbox-5',
      outboxId: 5,
      dossierId: 3,
      kind: 'result_ready',
      to: '+84 912 345 678',
      text: 'Ket qua ho so 061-261121-0042-7 da san sang. Ma nhan: 12345678.',
    });
    const line = JSON.parse(log.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ outboxId: 5, dossierId: 3, kind: 'result_ready', to: '********678' });
    // Only these fields besides pino's own (level, time, pid, hostname, msg).
    expect(Object.keys(line).sort()).toEqual(
      ['chars', 'dossierId', 'hostname', 'kind', 'level', 'msg', 'outboxId', 'pid', 'time', 'to'].sort(),
    );
    expect(log.text()).not.toContain('12345678');
    expect(log.text()).not.toContain('061-261121');
    expect(log.text()).not.toContain('912 345');
  });

  it('masks all but the last 3 digits', () => {
    expect(maskPhone('0901234567')).toBe('*******567');
    expect(maskPhone('12')).toBe('**');
  });
});

describe('webhook signature', () => {
  const secret = Buffer.alloc(32, 2);
  const body = '{"id":"outbox-1"}';

  it('verifies its own header and nothing altered', () => {
    const header = signatureHeader(secret, 1_800_000_000, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, 1_800_000_010)).toEqual({
      ok: true,
      timestamp: 1_800_000_000,
    });
    expect(verifySignature(secret, header, `${body} `, 1_800_000_010)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(Buffer.alloc(32, 3), header, body, 1_800_000_010)).toMatchObject({ ok: false });
    expect(verifySignature(secret, header, body, 1_800_001_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(secret, 't=1,v1=zz', body, 1)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(secret, undefined, body, 1)).toEqual({ ok: false, reason: 'missing' });
  });
});
