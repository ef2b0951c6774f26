/**
 * The simulator for link.bench.ts, in its own process and without the console's per-frame
 * printing: serves one bus on loopback TCP, prints `port N`, then takes `close B C`, `unplug`
 * and `quit` on stdin. `--wire JSON` sets the board's knobs (link-buses.ts says which).
 *
 * With `--trace FILE` it also notes, on the system's monotonic clock (process.hrtime, shared by
 * every process), when each chunk from the host was read off its socket and when each reply was
 * written, plus its own event-loop delay, and writes them to FILE on quit, so the bench can tell
 * the simulator's share of a round trip from the host's.
 */
import { channel as diagnostics } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createSimulator, DIALECTS } from '../../hardware-sim/simulator';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string' },
    baud: { type: 'string' },
    doors: { type: 'string' },
    trace: { type: 'string' },
    wire: { type: 'string' },
  },
});
const dialect = DIALECTS.find((d) => d === values.dialect);
if (!dialect) throw new Error(`--dialect ${values.dialect}: not one of ${DIALECTS.join(', ')}`);
const sim = createSimulator({
  dialect,
  wire: values.wire ? JSON.parse(values.wire) : {},
  boards: 1,
  doors: Number(values.doors ?? 16),
  baud: Number(values.baud ?? 19200),
  reactionMs: 0,
});

export interface SimTrace {
  /** Monotonic milliseconds at which a chunk from the host was read. */
  arrivals: number[];
  /** Monotonic milliseconds right after each reply was handed to the socket. */
  replies: number[];
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;
const trace: SimTrace | null = values.trace
  ? { arrivals: [], replies: [], loopDelayP50Ms: 0, loopDelayP99Ms: 0, loopDelayMaxMs: 0 }
  : null;
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
if (trace) {
  loopDelay.enable();
  // Every accepted socket is published here before the simulator's own listeners run.
  diagnostics('net.server.socket').subscribe((message) => {
    const socket = (message as { socket: Socket }).socket;
    socket.prependListener('data', () => trace.arrivals.push(monotonicMs()));
  });
  sim.on('event', (event) => {
    if (event.type === 'tx' && event.kind === 'reply') trace.replies.push(monotonicMs());
  });
}

const port = await sim.listen('tcp://127.0.0.1:0');
process.stdout.write(`port ${port}\n`);
const quit = async () => {
  await sim.stop();
  if (trace && values.trace) {
    loopDelay.disable();
    trace.loopDelayP50Ms = loopDelay.percentile(50) / 1e6;
    trace.loopDelayP99Ms = loopDelay.percentile(99) / 1e6;
    trace.loopDelayMaxMs = loopDelay.max / 1e6;
    writeFileSync(values.trace, JSON.stringify(trace));
  }
  process.exit(0);
};
createInterface({ input: process.stdin }).on('line', (line) => {
  const [verb, board, channel] = line.trim().split(/\s+/);
  if (verb === 'close') sim.closeDoor(Number(board), Number(channel));
  else if (verb === 'unplug') sim.faults.disconnect();
  else if (verb === 'quit') void quit();
});
process.on('SIGTERM', () => void quit());
