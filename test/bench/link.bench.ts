/**
 * Open round trip of the link against the simulator over loopback TCP, for each dialect (line
 * and Kerong at 19200 baud, 8A/80 and Modbus at 9600: each board family's own speed), compared
 * with the physical floor (request + reply wire time, board reaction 0), and how long the link
 * takes to be ready again after the simulator pulls the cable. How each board is set so that an
 * open is one request and one answer: link-buses.ts. The simulator runs in its own process, so
 * its byte pacing does not share this event loop.
 *
 * Beside the figures, from the same run: each open split at the simulator (link-breakdown.ts),
 * both processes' event-loop delay, this process's GC pauses, the load average and the machine's
 * busy and stolen CPU shares, and a bare socket's round trips against the same simulator. Both
 * processes run at BENCH_NICE (link-sim-process.ts) so the tail says more about the link than
 * about whatever else the machine is running; samples are never dropped.
 */
import { connect, type Socket } from 'node:net';
import { getPriority, setPriority } from 'node:os';
import { createLink, type LinkEvent, type LinkLogger, type LockerLink } from '../../firmware-bridge';
import { judgeBar, LINK_BARS } from './link-bars';
import { type OpenSample, ProcessWatch, partPercentiles, splitRoundTrips } from './link-breakdown';
import { BENCH_DIALECTS, type BenchBus, type BenchDialect, benchBus } from './link-buses';
import { BENCH_NICE, monotonicMs, raisePriority, type SimProcess, startSimulator } from './link-sim-process';
import type { BenchLog } from './run';
import { percentile } from './stats';

const OPENS = 300;
/** Cable pulls per dialect: the bar is on the slowest, so enough to see a tail. */
const RECONNECTS = 20;
const DOORS = 16;

interface SentFrame {
  bytes: number;
  seq: number;
  /** monotonicMs() as the frame was handed to the transport. */
  at: number;
}

/**
 * Captures the first frame the link writes after `expectOpen()`: the open itself (it jumps
 * ahead of any poll), not the status reads and pings that follow it before open() resolves.
 */
function openFrames(): { logger: LinkLogger; expectOpen: () => void; open: () => SentFrame | null } {
  let first: SentFrame | null = null;
  let armed = false;
  const ignore = () => {};
  return {
    logger: {
      trace: (fields) => {
        const f = fields as { dir?: string; hex?: string; seq?: number };
        if (!armed || f.dir !== 'tx' || !f.hex || f.seq === undefined) return;
        first = { bytes: f.hex.length / 2, seq: f.seq, at: monotonicMs() };
        armed = false;
      },
      debug: ignore,
      info: ignore,
      warn: ignore,
      error: ignore,
    },
    expectOpen: () => {
      first = null;
      armed = true;
    },
    open: () => first,
  };
}

/** 8N1: ten bits a byte. */
const wireMs = (bytes: number, baud: number) => (bytes * 10 * 1000) / baud;
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

interface DialectRun {
  metrics: Record<string, number>;
  /** Cable pulled to link ready again, ms. */
  reconnects: number[];
}

async function measureOpens(dialect: BenchDialect, log: BenchLog): Promise<DialectRun> {
  const bus = benchBus(dialect);
  const sim = await startSimulator(dialect, bus.baud, DOORS, bus.wire);
  const frames = openFrames();
  const link = createLink({
    transport: `tcp://127.0.0.1:${sim.port}`,
    ...bus.link,
    boards: [bus.board],
    channels: DOORS,
    // Production defaults, except the open cap (a bench opens hundreds a minute) and a shorter
    // watch poll so polled boards' opens are confirmed quickly; neither touches the measured
    // round trip.
    options: { baudRate: bus.baud, maxOpensPerMinute: 1_000_000, watchPollMs: 20 },
    logger: frames.logger,
  });
  // The same machine, the same simulator, no link: what the noise alone does to a round trip.
  const raw = await rawRoundTrips(bus, sim);
  const samples: OpenSample[] = [];
  const kinds: Record<string, number> = {};
  const watch = new ProcessWatch();
  const reconnects: number[] = [];
  let trace: Awaited<ReturnType<SimProcess['stop']>> = null;
  try {
    await link.start();
    watch.start();
    for (let i = 0; i < OPENS; i++) {
      const channel = i % DOORS;
      frames.expectOpen();
      const outcome = await link.open({ board: bus.board, channel }, { pulseMs: bus.pulseMs });
      kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
      const sent = frames.open();
      if ((outcome.kind === 'opened' || outcome.kind === 'already_open') && sent) {
        const wire = wireMs(sent.bytes + bus.replyBytes(sent.bytes, sent.seq, channel), bus.baud);
        samples.push({ writtenAt: sent.at, rttMs: outcome.ackMs, wireMs: wire });
      }
      sim.command(`close 0 ${channel}`);
      // Let the close, its event and the confirming read pass, so the next open meets a quiet bus.
      if (dialect === 'line') await shut(link, bus.board, channel);
      await pause(15);
    }
    watch.stop();
    for (let i = 0; i < RECONNECTS; i++) {
      const cut = performance.now();
      const ready = waitFor(link, (e) => e.type === 'link' && e.state === 'ready');
      sim.command('unplug');
      await ready;
      reconnects.push(performance.now() - cut);
      await pause(100);
    }
    log(`${dialect}: reconnect samples (ms): ${reconnects.map((r) => r.toFixed(1)).join(', ')}`);
  } finally {
    await link.stop();
    trace = await sim.stop();
  }
  const rtts = samples.map((s) => s.rttMs);
  log(`${dialect}: outcomes ${JSON.stringify(kinds)}, ${rtts.length} round trips measured`);
  const parts = trace ? splitRoundTrips(samples, trace) : [];
  const slowest = samples
    .map((s, i) => ({ s, i, part: parts[i] ?? null }))
    .sort((a, b) => b.s.rttMs - a.s.rttMs)
    .slice(0, 6);
  log(`${dialect}: slowest round trips, ms @ sample (to the simulator / simulator beyond wire / back):`);
  for (const { s, i, part } of slowest)
    log(
      `  ${s.rttMs.toFixed(2)} @${i} (${part ? `${fix(part.up)} / ${fix(part.simBeyondWire)} / ${fix(part.down)}` : 'untraced'})`,
    );
  const wire = percentile(
    samples.map((s) => s.wireMs),
    50,
  );
  const p50 = percentile(rtts, 50);
  const p99 = percentile(rtts, 99);
  const metrics: Record<string, number> = {
    [`link.${dialect}.open_rtt_p50_ms`]: p50,
    [`link.${dialect}.open_rtt_p50_wire_ms`]: wire,
    [`link.${dialect}.open_rtt_p99_ms`]: p99,
    [`link.${dialect}.open_rtt_p99_wire_ms`]: wire,
    [`link.${dialect}.open_rtt_ratio_p99`]: p99 / wire,
    [`link.${dialect}.raw_socket_rtt_p50_ms`]: percentile(raw, 50),
    [`link.${dialect}.raw_socket_rtt_p99_ms`]: percentile(raw, 99),
  };
  for (const p of [50, 99]) {
    const part = partPercentiles(parts, p);
    if (!part) continue;
    metrics[`link.${dialect}.open_to_sim_p${p}_ms`] = part.up;
    metrics[`link.${dialect}.open_sim_beyond_wire_p${p}_ms`] = part.simBeyondWire;
    metrics[`link.${dialect}.open_from_sim_p${p}_ms`] = part.down;
  }
  for (const [name, value] of Object.entries(watch.figures()))
    metrics[`link.${dialect}.bench_${name}`] = value;
  if (trace) {
    metrics[`link.${dialect}.sim_loop_delay_p99_ms`] = trace.loopDelayP99Ms;
    metrics[`link.${dialect}.sim_loop_delay_max_ms`] = trace.loopDelayMaxMs;
  }
  metrics[`link.${dialect}.loadavg_before`] = watch.loadBefore;
  metrics[`link.${dialect}.loadavg_after`] = watch.loadAfter;
  const machine = watch.machine();
  if (machine) {
    metrics[`link.${dialect}.machine_busy_share`] = machine.busy;
    metrics[`link.${dialect}.machine_steal_share`] = machine.steal;
  }
  metrics[`link.${dialect}.reconnect_max_ms`] = Math.max(...reconnects);
  judgeBar(log, `link.${dialect}.open_rtt_ratio_p99`, p99 / wire, { atMost: LINK_BARS.ratioP99Max });
  return { metrics, reconnects };
}

const fix = (ms: number) => ms.toFixed(2);

async function shut(link: LockerLink, board: number, channel: number): Promise<void> {
  const door = () => link.snapshot().find((b) => b.board === board)?.doors[channel];
  for (let i = 0; i < 500 && door()?.open !== false; i++) await pause(2);
}

/**
 * Open round trips with a bare socket and hand-made frames: a baseline that shares the
 * simulator and the machine's noise with the link but none of its code.
 */
async function rawRoundTrips(bus: BenchBus, sim: SimProcess): Promise<number[]> {
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
    const frame = bus.rawOpen(channel, seq);
    const replyBytes = bus.replyBytes(frame.length, seq, channel);
    const complete = () => (bus.link.dialect === 'line' ? got.includes(0x0a) : got.length >= replyBytes);
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

export async function run(log: BenchLog): Promise<Record<string, number>> {
  const usual = getPriority();
  const raised = raisePriority();
  log(raised ? `running at nice ${BENCH_NICE}` : `could not set nice ${BENCH_NICE}: usual priority`);
  try {
    const runs: DialectRun[] = [];
    for (const dialect of BENCH_DIALECTS) runs.push(await measureOpens(dialect, log));
    // The bar is on the slowest recovery seen, any dialect; the median shows the usual one.
    const reconnects = runs.flatMap((r) => r.reconnects);
    const reconnectMs = Math.max(...reconnects);
    judgeBar(log, 'link.reconnect_ms', reconnectMs, { atMost: LINK_BARS.reconnectMsMax });
    return {
      'link.bench_nice': raised ? BENCH_NICE : usual,
      ...Object.assign({}, ...runs.map((r) => r.metrics)),
      'link.reconnect_ms': reconnectMs,
      'link.reconnect_p50_ms': percentile(reconnects, 50),
      'link.reconnect_samples': reconnects.length,
    };
  } finally {
    if (raised) setPriority(usual);
  }
}
