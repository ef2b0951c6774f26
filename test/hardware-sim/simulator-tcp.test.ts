import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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
    let got = Buffer.alloc(0);
    const reply = new Promise<Buffer>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        got = Buffer.concat([got, chunk]);
        if (got.length >= 9) resolve(got);
      });
    });
    // Unlock board 0 lock index 6 (lkaas-kerong command.rs: 02 n 31 03 n+36), then read the
    // board (hardware.md: 02 00 30 03 35). The default board, as kerong-lib reads it, answers
    // nothing to the unlock and 0x35 to the read: hook bit 6 released.
    socket.write(Buffer.from('020631033c', 'hex'));
    socket.write(Buffer.from('0200300335', 'hex'));
    expect((await reply).toString('hex')).toBe('020035bfff000003f8');
    expect(sim.fires).toHaveLength(1);
    socket.destroy();
  });

  it('refuses a listen address that is not loopback', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 'instant' });
    await expect(sim.listen('tcp://0.0.0.0:7070')).rejects.toThrow(/loopback/);
    await expect(sim.listen('http://127.0.0.1:7070')).rejects.toThrow(/tcp:\/\/HOST:PORT/);
  });
});
