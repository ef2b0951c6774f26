/**
 * Open round trip of the link against the simulator at 19200 baud over loopback TCP, compared
 * with the physical floor (request + reply wire time, board reaction 0), and how long the link
 * takes to be ready again after the simulator pulls the cable. The simulator runs in its own
 * process, so its byte pacing does not share this event loop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createLink, type LinkEvent, type LinkLogger, type LockerLink } from '../../firmware-bridge';
import { encodeKerongRequest } from '../../firmware-bridge/kerong/codec';
import { CU16_PROFILE } from '../../firmware-bridge/kerong/profile';
import { KerongCommand } from '../../firmware-bridge/kerong/types';
import { encodeLine } from '../../firmware-bridge/line/codec';
import type { BenchLog } from './run';
import { percentile } from './stats';

const BAUD = 19200;
const OPENS = 300;
const RECONNECTS = 5;
const DOORS = 16;
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

interface SimProcess {
  port: number;
  command(line: string): void;
  stop(): Promise<void>;
}

async function startSimulator(dialect: 'line' | 'kerong'): Promise<SimProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(here, 'link-sim-child.ts'),
      '--dialect',
      dialect,
      '--baud',
      String(BAUD),
      '--doors',
      String(DOORS),
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the simulator did not start listening')), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      const match = /^port (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
      else reject(new Error(`unexpected line from the simulator: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return {
    port,
    command: (line) => child.stdin!.write(`${line}\n`),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.write('quit\n');
      }),
  };
}

/** Captures the open frames the link writes (to know their exact length on the wire). */
function frameSizes(): { logger: LinkLogger; lastOpen: () => { bytes: number; seq: number } | null } {
  let last: { bytes: number; seq: number } | null = null;
  const ignore = () => {};
  return {
    logger: {
      trace: (fields) => {
        const f = fields as { dir?: string; hex?: string; seq?: number };
        if (f.dir === 'tx' && f.hex && f.seq !== undefined) last = { bytes: f.hex.length / 2, seq: f.seq };
      },
      debug: ignore,
      info: ignore,
      warn: ignore,
      error: ignore,
    },
    lastOpen: () => last,
  };
}

const wireMs = (bytes: number) => (bytes * 10 * 1000) / BAUD;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(link: LockerLink, check: (e: LinkEvent) => boolean, ms = 10_000): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for a link event')), ms);
    const listener = (e: LinkEvent) => {
      if (!check(e)) return;
      clearTimeout(timer);
      link.off('event', listener);
      resolve();
    };
    link.on('event', listener);
  });
}

async function measureOpens(dialect: 'line' | 'kerong', log: BenchLog): Promise<Record<string, number>> {
  const sim = await startSimulator(dialect);
  const frames = frameSizes();
  const link = createLink({
    transport: `tcp://127.0.0.1:${sim.port}`,
    dialect,
    boards: [0],
    channels: dialect === 'kerong' ? DOORS : undefined,
    // Production defaults, except the open cap (a bench opens hundreds a minute) and a shorter
    // watch poll so Kerong opens are confirmed quickly; neither touches the measured round trip.
    options: { baudRate: BAUD, maxOpensPerMinute: 1_000_000, watchPollMs: 20 },
    logger: frames.logger,
  });
  // The same machine, the same simulator, no link: what the noise alone does to a round trip.
  const raw = await rawRoundTrips(dialect, sim);
  const rtts: number[] = [];
  const wires: number[] = [];
  const kinds: Record<string, number> = {};
  try {
    await link.start();
    for (let i = 0; i < OPENS; i++) {
      const channel = i % DOORS;
      const outcome = await link.open({ board: 0, channel });
      kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
      const sent = frames.lastOpen();
      if ((outcome.kind === 'opened' || outcome.kind === 'already_open') && sent) {
        rtts.push(outcome.ackMs);
        wires.push(wireMs(sent.bytes + replyBytes(dialect, sent.seq, channel)));
      }
      sim.command(`close 0 ${channel}`);
      // Let the close, its event and the confirming read pass, so the next open meets a quiet bus.
      if (dialect === 'line') await shut(link, channel);
      await pause(15);
    }
    const reconnects: number[] = [];
    if (dialect === 'line') {
      for (let i = 0; i < RECONNECTS; i++) {
        const cut = performance.now();
        const ready = waitFor(link, (e) => e.type === 'link' && e.state === 'ready');
        sim.command('unplug');
        await ready;
        reconnects.push(performance.now() - cut);
        await pause(100);
      }
      log(`reconnect samples (ms): ${reconnects.map((r) => r.toFixed(1)).join(', ')}`);
    }
    log(`${dialect}: outcomes ${JSON.stringify(kinds)}, ${rtts.length} round trips measured`);
    const slowest = rtts
      .map((r, i) => [r, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 6);
    log(
      `${dialect}: slowest round trips (ms @ sample): ${slowest.map(([r, i]) => `${r.toFixed(1)}@${i}`).join(', ')}`,
    );
    const wire = percentile(wires, 50);
    const p50 = percentile(rtts, 50);
    const p99 = percentile(rtts, 99);
    const metrics: Record<string, number> = {
      [`link.${dialect}.open_rtt_p50_ms`]: p50,
      [`link.${dialect}.open_rtt_p50_wire_ms`]: wire,
      [`link.${dialect}.open_rtt_p99_ms`]: p99,
      [`link.${dialect}.open_rtt_p99_wire_ms`]: wire,
      [`link.${dialect}.open_rtt_ratio_p99`]: p99 / wire,
    };
    metrics[`link.${dialect}.raw_socket_rtt_p50_ms`] = percentile(raw, 50);
    metrics[`link.${dialect}.raw_socket_rtt_p99_ms`] = percentile(raw, 99);
    if (reconnects.length > 0) metrics['link.reconnect_ms'] = percentile(reconnects, 50);
    return metrics;
  } finally {
    await link.stop();
    await sim.stop();
  }
}

async function shut(link: LockerLink, channel: number): Promise<void> {
  for (let i = 0; i < 500 && link.snapshot()[0]?.doors[channel]?.open !== false; i++) await pause(2);
}

/**
 * Open round trips with a bare socket and hand-made frames: a baseline that shares the
 * simulator and the machine's noise with the link but none of its code.
 */
async function rawRoundTrips(dialect: 'line' | 'kerong', sim: SimProcess): Promise<number[]> {
  const socket: Socket = connect({ host: '127.0.0.1', port: sim.port, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  let got = Buffer.alloc(0);
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    got = Buffer.concat([got, chunk]);
    waiting?.();
  });
  const samples: number[] = [];
  for (let i = 0; i < OPENS / 2; i++) {
    const channel = i % DOORS;
    const seq = 20_000 + i;
    const frame =
      dialect === 'kerong'
        ? encodeKerongRequest({ board: 0, lock: channel, command: KerongCommand.unlockOne })
        : encodeLine({
            type: 'request',
            request: { seq, command: { verb: 'OPEN', board: 0, channel, pulseMs: 500 } },
          });
    const complete = () => (dialect === 'kerong' ? got.length >= 9 : got.includes(0x0a));
    got = Buffer.alloc(0);
    const done = new Promise<void>((resolve) => {
      waiting = () => complete() && resolve();
    });
    const started = performance.now();
    socket.write(frame);
    await done;
    samples.push(performance.now() - started);
    waiting = null;
    sim.command(`close 0 ${channel}`);
    await pause(60);
  }
  socket.destroy();
  await pause(50);
  return samples;
}

/** Bytes of the board's acknowledgement of one open, as that dialect frames it. */
function replyBytes(dialect: 'line' | 'kerong', seq: number, channel: number): number {
  if (dialect === 'kerong') return CU16_PROFILE.replyLength[KerongCommand.unlockOne]!;
  return encodeLine({ type: 'reply', reply: { seq, ok: true, ack: { verb: 'OPEN', board: 0, channel } } })
    .length;
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  return { ...(await measureOpens('line', log)), ...(await measureOpens('kerong', log)) };
}
