import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedScanner } from '../../../hardware-sim/scanner/scanner-sim';

let sim: SimulatedScanner | null = null;
let socket: Socket | null = null;
afterEach(async () => {
  socket?.destroy();
  await sim?.stop();
  sim = null;
});

/** A raw client that keeps each chunk as it arrives. */
async function listen(options: Parameters<typeof SimulatedScanner.start>[0] = {}) {
  sim = await SimulatedScanner.start(options);
  const port = Number(sim.url.split(':').pop());
  const chunks: Buffer[] = [];
  socket = connect({ host: '127.0.0.1', port });
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await sim.waitForClient();
  const received = async (bytes: number) => {
    for (let i = 0; i < 500 && Buffer.concat(chunks).length < bytes; i++) await sleep(10);
    return Buffer.concat(chunks);
  };
  return { sim, received };
}

describe('the simulated serial scanner', () => {
  it('ends each scan with the configured terminator, or the one asked for', async () => {
    const { sim, received } = await listen({ terminator: 'CR' });
    sim.scan('A');
    sim.scan('B', 'LF');
    sim.scan('C', 'CRLF');
    expect((await received(7)).toString()).toBe('A\rB\nC\r\n');
  });

  it('sends a split scan as the same bytes as a whole one', async () => {
    const { sim, received } = await listen({ terminator: 'LF' });
    await sim.scanSplit('DL1.06126112100427.secret', 4);
    expect((await received(26)).toString()).toBe('DL1.06126112100427.secret\n');
  });

  it('sends garbled noise on one line, never valid UTF-8, the same for the same seed', async () => {
    const { sim, received } = await listen({ terminator: 'LF', seed: 7 });
    sim.scanGarbled(32);
    const bytes = await received(33);
    expect(bytes).toHaveLength(33);
    expect(bytes[32]).toBe(0x0a);
    expect([...bytes.subarray(0, 32)].filter((b) => b === 0x0a || b === 0x0d)).toEqual([]);
    expect(bytes.subarray(0, 32).toString('utf8')).toContain('\ufffd');

    const again = await SimulatedScanner.start({ terminator: 'LF', seed: 7 });
    const port = Number(again.url.split(':').pop());
    const other = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    other.on('data', (c: Buffer) => chunks.push(c));
    await again.waitForClient();
    again.scanGarbled(32);
    for (let i = 0; i < 500 && Buffer.concat(chunks).length < 33; i++) await sleep(10);
    other.destroy();
    await again.stop();
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });
});
