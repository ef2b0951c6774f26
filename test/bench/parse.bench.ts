/**
 * Decoder throughput: 16 MB of valid frames mixed with noise per dialect, fed in 64-byte chunks
 * (what a serial port hands over), the median of a few runs. The link must never be the reason a
 * bus falls behind; 20 MB/s is the floor, 100 MB/s the aim.
 *
 * The headline figures divide the input bytes by the process's CPU time, so they hold on a
 * machine shared with other work; the wall-clock rates are reported next to them, and each run
 * logs the share of its wall time spent waiting for a core (the noise in the wall figure).
 *
 * Also measured, on the same line stream: LineSplitter doing nothing but split it into lines, as
 * LineDecoder uses it: the share of the line figure that is the splitter's, run after run.
 */
import type { FrameDecoder } from '../../firmware-bridge/codec';
import { encodeKerongReply, encodeKerongRequest, KerongDecoder } from '../../firmware-bridge/kerong/codec';
import { CU16_PROFILE } from '../../firmware-bridge/kerong/profile';
import { encodeLine } from '../../firmware-bridge/line/codec';
import { LineDecoder } from '../../firmware-bridge/line/decoder';
import { LINE_MAX_BYTES } from '../../firmware-bridge/line/limits';
import type { LineFrame } from '../../firmware-bridge/line/types';
import { LineSplitter } from '../../firmware-bridge/line-splitter';
import { judgeBar, LINK_BARS } from './link-bars';
import type { BenchLog } from './run';
import { percentile } from './stats';

const TOTAL_BYTES = 16 * 1024 * 1024;
const CHUNK = 64;
const RUNS = 5;

/** xorshift32: the same stream every run, no dependency on Math.random. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

function noise(random: () => number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function lineSamples(random: () => number): Buffer[] {
  const channels = Array.from({ length: 16 }, (_, i) => ({
    locked: i % 3 === 0,
    doorOpen: i % 3 !== 0,
    present: i % 5 === 0,
  }));
  const frames: LineFrame[] = [
    {
      type: 'request',
      request: { seq: 4711, command: { verb: 'OPEN', board: 2, channel: 11, pulseMs: 500 } },
    },
    { type: 'reply', reply: { seq: 4711, ok: true, ack: { verb: 'OPEN', board: 2, channel: 11 } } },
    { type: 'reply', reply: { seq: 4712, ok: true, ack: { verb: 'STATUS', board: 2, channels } } },
    { type: 'event', event: { seq: 301, body: { event: 'OPENED', board: 2, channel: 11 } } },
    { type: 'reply', reply: { seq: 4713, ok: false, verb: 'OPEN', reason: 'COOLDOWN' } },
  ];
  return [...frames.map(encodeLine), noise(random, 40), Buffer.from('garbled line without a crc\n')];
}

function kerongSamples(random: () => number): Buffer[] {
  const data = Buffer.from([0x5a, 0x0f, 0x11, 0x80]);
  return [
    encodeKerongRequest({ board: 1, lock: 0, command: 0x30 }),
    encodeKerongRequest({ board: 1, lock: 7, command: 0x31 }),
    encodeKerongReply({ board: 1, lock: 0, command: 0x30, data }, CU16_PROFILE),
    encodeKerongReply({ board: 1, lock: 7, command: 0x31, data }, CU16_PROFILE),
    noise(random, 12),
  ];
}

/**
 * Roughly one part noise in six, in a repeatable order. Parts are copied into the stream as they
 * are made, so none of them outlives its turn: kept in a list for one concat, they would grow
 * the old generation and the decoders' passes would pay for collecting them.
 */
function buildStream(samples: (random: () => number) => Buffer[], seed: number): Buffer {
  const random = prng(seed);
  const stream = Buffer.allocUnsafe(TOTAL_BYTES);
  let size = 0;
  while (size < TOTAL_BYTES) {
    const choices = samples(random);
    const part = choices[Math.floor(random() * choices.length)]!;
    size += part.copy(stream, size);
  }
  return stream;
}

interface Rate {
  /** Input bytes over this process's CPU time (user + system): what the decoding costs. */
  cpu: number;
  /** Input bytes over wall time: what it costs plus whatever else the machine ran meanwhile. */
  wall: number;
}

/**
 * Times one pass of `feed` both ways. CPU time is the figure that holds on a shared machine;
 * 1 - cpu/wall is the share of the wall time this process spent waiting for a core.
 */
function timed(bytes: number, feed: () => number): Rate & { count: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const count = feed();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = bytes / (1024 * 1024);
  return { cpu: mb / cpuSeconds, wall: mb / wallSeconds, count };
}

function decodeAll(stream: Buffer, decoder: FrameDecoder<unknown>): number {
  let frames = 0;
  for (let at = 0; at < stream.length; at += CHUNK) {
    for (const decoded of decoder.push(stream.subarray(at, at + CHUNK)))
      if (decoded.kind === 'frame') frames++;
  }
  return frames;
}

/**
 * Median of RUNS passes, each logged with its wall rate and the share lost to waiting. One
 * unmeasured pass first, as a decoder in the daemon runs compiled code after its first minutes;
 * measured cold, the first passes also pay for the compiler's threads.
 */
function medianOf(name: string, unit: string, log: BenchLog, pass: () => Rate & { count: number }): Rate {
  pass();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const rate = pass();
    cpu.push(rate.cpu);
    wall.push(rate.wall);
    const waiting = Math.max(0, 1 - rate.wall / rate.cpu);
    log(
      `${name} run ${run + 1}: ${rate.cpu.toFixed(1)} MB/s of CPU, ${rate.wall.toFixed(1)} MB/s of wall ` +
        `(${(waiting * 100).toFixed(0)}% waiting for a core), ${rate.count} ${unit}`,
    );
  }
  return { cpu: percentile(cpu, 50), wall: percentile(wall, 50) };
}

/** The line decoder's splitter driven directly, its lines counted and dropped. */
function splitAll(stream: Buffer): number {
  let lines = 0;
  const splitter = new LineSplitter(
    { maxHeldBytes: LINE_MAX_BYTES },
    { line: () => void lines++, discard: () => {} },
  );
  for (let at = 0; at < stream.length; at += CHUNK) splitter.push(stream.subarray(at, at + CHUNK));
  return lines;
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  const lineStream = buildStream(lineSamples, 1);
  const kerongStream = buildStream(kerongSamples, 2);
  const line = medianOf('line', 'frames', log, () =>
    timed(lineStream.length, () => decodeAll(lineStream, new LineDecoder())),
  );
  const kerong = medianOf('kerong', 'frames', log, () =>
    timed(kerongStream.length, () => decodeAll(kerongStream, new KerongDecoder('replies', CU16_PROFILE))),
  );
  const split = medianOf('split only', 'lines', log, () =>
    timed(lineStream.length, () => splitAll(lineStream)),
  );
  judgeBar(log, 'link.parse_mb_per_s', Math.min(line.cpu, kerong.cpu), { atLeast: LINK_BARS.parseMbPerSMin });
  return {
    'link.split_mb_per_s': split.cpu,
    'link.parse_line_mb_per_s': line.cpu,
    'link.parse_kerong_mb_per_s': kerong.cpu,
    'link.parse_mb_per_s': Math.min(line.cpu, kerong.cpu),
    'link.parse_line_wall_mb_per_s': line.wall,
    'link.parse_kerong_wall_mb_per_s': kerong.wall,
  };
}
