import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { duplexPair } from '../../firmware-bridge/duplex-pair';

describe('duplexPair', () => {
  it('carries bytes each way', async () => {
    const [a, b] = duplexPair();
    const got = once(b, 'data');
    a.write(Buffer.from('to b'));
    expect(((await got)[0] as Buffer).toString()).toBe('to b');
    const back = once(a, 'data');
    b.write(Buffer.from('to a'));
    expect(((await back)[0] as Buffer).toString()).toBe('to a');
  });

  it('closes the far end when one end is destroyed, like a pulled cable', async () => {
    const [a, b] = duplexPair();
    const closed = once(b, 'close');
    a.destroy();
    await closed;
    expect(b.destroyed).toBe(true);
  });
});
