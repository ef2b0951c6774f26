import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeKerongRequest, KerongDecoder, readKerongStatus } from '../../firmware-bridge/kerong/codec';
import { CU16_PROFILE } from '../../firmware-bridge/kerong/profile';
import type { KerongReply } from '../../firmware-bridge/kerong/types';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import { LineHost } from './line-host';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

async function connect(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return socket;
}

describe('the simulator over TCP on loopback', () => {
  it('binds a free port and answers over a real socket; a new client replaces the old', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 57600 });
    const port = await sim.listen('tcp://127.0.0.1:0');
    expect(port).toBeGreaterThan(0);
    const first = await new LineHost(await connect(port)).greet();
    expect(await first.request(1, { verb: 'PING' })).toEqual({ seq: 1, ok: true, ack: { verb: 'PING' } });
    const second = await new LineHost(await connect(port)).greet();
    await first.closed();
    expect(await second.request(2, { verb: 'STATUS', board: 0 })).toMatchObject({ seq: 2, ok: true });
    second.stream.destroy();
  });

  it('serves the Kerong dialect in hex frames', async () => {
    sim = createSimulator({ dialect: 'kerong', boards: 1, doors: 16, baud: 19200 });
    const port = await sim.listen('tcp://127.0.0.1:0');
    const socket = await connect(port);
    const decoder = new KerongDecoder('replies', CU16_PROFILE);
    const reply = new Promise<KerongReply>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        for (const d of decoder.push(chunk)) if (d.kind === 'frame') resolve(d.frame as KerongReply);
      });
    });
    socket.write(encodeKerongRequest({ board: 0, lock: 6, command: 0x31 }));
    const channels = readKerongStatus(await reply, CU16_PROFILE);
    expect(channels[6]).toMatchObject({ locked: false, doorOpen: true });
    expect(sim.fires).toHaveLength(1);
    socket.destroy();
  });

  it('refuses a listen address that is not loopback', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 'instant' });
    await expect(sim.listen('tcp://0.0.0.0:7070')).rejects.toThrow(/loopback/);
    await expect(sim.listen('http://127.0.0.1:7070')).rejects.toThrow(/tcp:\/\/HOST:PORT/);
  });
});
