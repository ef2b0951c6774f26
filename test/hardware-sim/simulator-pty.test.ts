import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { socatAvailable } from '../../hardware-sim/pty-endpoint';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import { LineHost, open } from './line-host';

const haveSocat = socatAvailable();
if (!haveSocat) {
  console.warn(
    'SKIPPING the simulator pty tests: socat is not on PATH. Install it (apt-get install socat) to test the serial-port path.',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'sim-pty-'));
let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 19200, autoOpen: false, hupcl: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return port;
}

describe.skipIf(!haveSocat)('the simulator behind a pty (socat)', () => {
  it('is opened with serialport like a real port, and answers', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 19200 });
    const path = join(dir, 'ttyLOCKER0');
    await sim.pty(path);
    expect(existsSync(path)).toBe(true);
    const port = await openPort(path);
    const host = new LineHost(port);
    expect(await host.request(1, { verb: 'HELLO', version: 1 })).toMatchObject({
      ok: true,
      ack: { verb: 'HELLO' },
    });
    expect(await host.request(2, open(0, 3))).toMatchObject({ ok: true, ack: { verb: 'OPEN', channel: 3 } });
    expect(sim.firesFor('line seq 2')).toHaveLength(1);
    await new Promise<void>((resolve) => port.close(() => resolve()));
  });

  it('removes the pty when stopped, and kills socat', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 'instant' });
    const path = join(dir, 'ttyLOCKER1');
    await sim.pty(path);
    await sim.stop();
    sim = null;
    expect(existsSync(path)).toBe(false);
  });
});

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!haveSocat)('unplugging the pty', () => {
  it('makes the port vanish, then come back like a replugged adapter', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 'instant' });
    const path = join(dir, 'ttyLOCKER2');
    await sim.pty(path);
    const port = await openPort(path);
    const closed = new Promise<void>((resolve) => port.once('close', () => resolve()));
    await until(() => sim!.connected);
    sim.faults.disconnect();
    await until(() => !existsSync(path));
    await until(() => existsSync(path) && sim!.connected);
    const again = await openPort(path);
    const host = await new LineHost(again).greet();
    expect(await host.request(1, { verb: 'PING' })).toMatchObject({ ok: true });
    await new Promise<void>((resolve) => again.close(() => resolve()));
    port.destroy();
    await closed.catch(() => {});
  });

  it('survives the daemon closing and reopening the port', async () => {
    sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 'instant' });
    const path = join(dir, 'ttyLOCKER3');
    await sim.pty(path);
    const first = await openPort(path);
    await new Promise<void>((resolve) => first.close(() => resolve()));
    await until(() => existsSync(path) && sim!.connected);
    const second = await openPort(path);
    const host = await new LineHost(second).greet();
    expect(await host.request(1, { verb: 'PING' })).toMatchObject({ ok: true });
    await new Promise<void>((resolve) => second.close(() => resolve()));
  });
});
