import { describe, expect, it } from 'vitest';
import { duplexPair } from '../../../firmware-bridge/duplex-pair';
import { openTransport, type TransportCloseReason } from '../../../firmware-bridge/transports';

describe('in-process stream transport', () => {
  it('uses the stream a function returns, and reports the far end going away', async () => {
    const [near, far] = duplexPair();
    const transport = await openTransport(() => near);
    const got: Buffer[] = [];
    transport.onData((c) => got.push(c));
    const closed = new Promise<TransportCloseReason>((resolve) => transport.onClose(resolve));
    far.write(Buffer.from('hello'));
    await new Promise((r) => setImmediate(r));
    expect(Buffer.concat(got).toString()).toBe('hello');
    far.destroy();
    expect((await closed).kind).not.toBe('closed');
    expect(transport.closed).toBe(true);
  });

  it('reports exactly one close however many ways the stream dies', async () => {
    const [near] = duplexPair();
    const transport = await openTransport(() => near);
    const reasons: TransportCloseReason[] = [];
    transport.onClose((r) => reasons.push(r));
    near.emit('error', new Error('EIO'));
    near.emit('end');
    await transport.close();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toEqual({ kind: 'error', detail: 'EIO' });
  });

  it('refuses a stream that is already closed', async () => {
    const [near] = duplexPair();
    near.destroy();
    await expect(openTransport(() => near)).rejects.toThrow(/already closed/);
  });
});
