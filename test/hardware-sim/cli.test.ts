import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LineHost, open } from './line-host';

/** The console run as its own process, the way a technician starts it. */
class Console {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';

  constructor(args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'hardware-sim/cli.ts', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  async waitFor(
    pattern: RegExp,
    stream: 'stdout' | 'stderr' = 'stdout',
    ms = 15_000,
  ): Promise<RegExpMatchArray> {
    const start = Date.now();
    for (;;) {
      const match = this[stream].match(pattern);
      if (match) return match;
      if (Date.now() - start > ms || this.child.exitCode !== null) {
        throw new Error(`no ${pattern} in ${stream}:\n${this.stdout}\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const [code] = await once(this.child, 'exit');
    return code as number | null;
  }
}

let running: Console | null = null;
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await running.exited();
  }
  running = null;
});

async function connect(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

describe('the simulator console (npm run sim)', () => {
  it('prints what it receives, sends and does, and takes typed commands', async () => {
    running = new Console([
      '--listen',
      'tcp://127.0.0.1:0',
      '--boards',
      '2',
      '--doors',
      '4',
      '--baud',
      '115200',
    ]);
    const sim = running;
    const port = Number((await sim.waitFor(/listening on tcp:\/\/127\.0\.0\.1:(\d+)/))[1]);
    const host = await new LineHost(await connect(port)).greet();
    expect(await host.request(1, open(1, 2))).toMatchObject({ ok: true });
    await sim.waitFor(/host> +>1 OPEN 1 2 300\*/);
    await sim.waitFor(/fire +board 1 ch 2 \(line seq 1\)/);
    await sim.waitFor(/board< +<1 ACK OPEN 1 2\*/);

    sim.type('close 1 2');
    await host.until(() => host.events.some((e) => e.body.event === 'CLOSED'));
    await sim.waitFor(/door +board 1 ch 2 closed/);

    sim.type('close 2 0');
    await sim.waitFor(/error: "close 2 0": "board" must be an integer in 0\.\.1/, 'stderr');
    sim.type('silent maybe');
    await sim.waitFor(/error: "silent maybe": expected on or off/, 'stderr');
    sim.type('refuse 0 on');
    await sim.waitFor(/ok refuse 0 on/);
    expect(await host.request(2, open(0, 0))).toMatchObject({ ok: false, reason: 'REFUSED' });

    sim.type('state');
    await sim.waitFor(/board 0 +REFUSING OPENS/);
    sim.type('unplug');
    await host.closed();
    sim.type('quit');
    expect(await sim.exited()).toBe(0);
    host.stream.destroy();
  });

  it('prints Kerong frames in hex', async () => {
    running = new Console(['--listen', 'tcp://127.0.0.1:0', '--dialect', 'kerong', '--doors', '16']);
    const port = Number((await running.waitFor(/listening on tcp:\/\/127\.0\.0\.1:(\d+)/))[1]);
    const socket = await connect(port);
    // Unlock board 0 lock index 1: lkaas-kerong command.rs unlock_one(1) = 02 01 31 03 37.
    socket.write(Buffer.from('0201310337', 'hex'));
    await running.waitFor(/host> +02 01 31 03 37 +\(unlock board 0 lock 1\)/);
    // No reply to the unlock (kerong-lib); a status read (02 00 30 03 35) gets 0x35, lock 1 released.
    socket.write(Buffer.from('0200300335', 'hex'));
    await running.waitFor(/board< +02 00 35 fd ff 00 00 03 36/);
    socket.destroy();
  });

  it('serves the Modbus dialect with its knobs from flags: echo, then the reply', async () => {
    running = new Console(['--listen', 'tcp://127.0.0.1:0', '--dialect', 'modbus', '--doors', '8', '--echo']);
    const port = Number((await running.waitFor(/listening on tcp:\/\/127\.0\.0\.1:(\d+)/))[1]);
    const socket = await connect(port);
    let got = '';
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString('hex');
    });
    // Read coils of unit 1 (Waveshare wiki): 01 01 00 00 00 08 3D CC -> 01 01 01 00 51 88.
    socket.write(Buffer.from('0101000000083dcc', 'hex'));
    await running.waitFor(/board< +01 01 01 00 51 88/);
    await running.waitFor(/\[echo\]/);
    running.type('state');
    await running.waitFor(/knobs: echo on/);
    expect(got.startsWith('0101000000083dcc')).toBe(true);
    socket.destroy();
  });

  it('sets a knob typed at the console', async () => {
    running = new Console([
      '--listen',
      'tcp://127.0.0.1:0',
      '--dialect',
      '8a',
      '--boards',
      '2',
      '--doors',
      '8',
    ]);
    await running.waitFor(/simulating 2 8a board/);
    running.type('dead 1 on');
    await running.waitFor(/ok dead 1 on/);
    running.type('state');
    await running.waitFor(/dead \[1\]/);
    running.type('polarity 7 inverted');
    await running.waitFor(/error: .*board/, 'stderr');
  });

  it('refuses a bad flag, naming it', async () => {
    running = new Console(['--baud', 'fast']);
    expect(await running.exited()).toBe(2);
    expect(running.stderr).toMatch(/error: --baud "fast"/);
  });

  it('plays a scenario file and reports a bad one by its entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(
        good,
        JSON.stringify({
          layout: { dialect: 'line', boards: 1, doors: 2, baud: 'instant' },
          events: [{ at: 0, do: 'force', board: 0, channel: 1 }],
        }),
      );
      running = new Console(['--listen', 'tcp://127.0.0.1:0', '--scenario', good]);
      await running.waitFor(/door +board 0 ch 1 opened WITHOUT A COMMAND/);
      await running.waitFor(/scenario step 0: force/);
      running.type('quit');
      await running.exited();

      const bad = join(dir, 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify({
          layout: { dialect: 'line', boards: 1, doors: 2, baud: 9600 },
          events: [{ at: 5, do: 'close', board: 0 }],
        }),
      );
      running = new Console(['--scenario', bad]);
      expect(await running.exited()).toBe(2);
      expect(running.stderr).toMatch(/bad\.json events\[0\]: "channel" must be an integer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
