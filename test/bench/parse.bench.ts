/**
 * Decoder throughput: 16 MB of valid frames mixed with noise per dialect, fed in 64-byte chunks
 * (what a serial port hands over), the median of a few runs. The link must never be the reason a
 * bus falls behind; 20 MB/s is the floor, 100 MB/s the aim.
 *
 * Also measured, on the same line stream: serialport's ReadlineParser doing nothing but split it
 * into lines, which LineDecoder uses as its splitter: the share of the line figure that is the
 * splitter's, run after run.
 */
import { ReadlineParser } from '@serialport/parser-readline';
import type { FrameDecoder } from '../../firmware-bridge/codec';
import { encodeKerongReply, encodeKerongRequest, KerongDecoder } from '../../firmware-bridge/kerong/codec';
import { CU16_PROFILE } from '../../firmware-bridge/kerong/profile';
import { encodeLine } from '../../firmware-bridge/line/codec';
import { LineDecoder } from '../../firmware-bridge/line/decoder';
import type { LineFrame } from '../../firmware-bridge/line/types';
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

/** Roughly one part noise in six, in a repeatable order. */
function buildStream(samples: (random: () => number) => Buffer[], seed: number): Buffer {
  const random = prng(seed);
  const parts: Buffer[] = [];
  let size = 0;
  while (size < TOTAL_BYTES) {
    const choices = samples(random);
    const part = choices[Math.floor(random() * choices.length)]!;
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts).subarray(0, TOTAL_BYTES);
}

function mbPerSecond(stream: Buffer, make: () => FrameDecoder<unknown>): { mbps: number; frames: number } {
  const decoder = make();
  let frames = 0;
  const started = performance.now();
  for (let at = 0; at < stream.length; at += CHUNK) {
    for (const decoded of decoder.push(stream.subarray(at, at + CHUNK)))
      if (decoded.kind === 'frame') frames++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { mbps: stream.length / (1024 * 1024) / seconds, frames };
}

function medianRate(name: string, stream: Buffer, make: () => FrameDecoder<unknown>, log: BenchLog): number {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { mbps, frames } = mbPerSecond(stream, make);
    rates.push(mbps);
    log(`${name} run ${run + 1}: ${mbps.toFixed(1)} MB/s, ${frames} frames`);
  }
  return percentile(rates, 50);
}

/** ReadlineParser driven directly, its lines counted and dropped. */
class CountingReadline extends ReadlineParser {
  lines = 0;
  override push(line: Buffer | null): boolean {
    if (line !== null) this.lines++;
    return true;
  }
}

function readlineRate(stream: Buffer, log: BenchLog): number {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const splitter = new CountingReadline({ delimiter: Buffer.from([0x0a]), includeDelimiter: true });
    const started = performance.now();
    for (let at = 0; at < stream.length; at += CHUNK)
      splitter._transform(stream.subarray(at, at + CHUNK), 'latin1', noop);
    const mbps = stream.length / (1024 * 1024) / ((performance.now() - started) / 1000);
    rates.push(mbps);
    log(`readline split only run ${run + 1}: ${mbps.toFixed(1)} MB/s, ${splitter.lines} lines`);
  }
  return percentile(rates, 50);
}

function noop(): void {}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  const lineStream = buildStream(lineSamples, 1);
  const kerongStream = buildStream(kerongSamples, 2);
  const line = medianRate('line', lineStream, () => new LineDecoder(), log);
  const kerong = medianRate('kerong', kerongStream, () => new KerongDecoder('replies', CU16_PROFILE), log);
  const readline = readlineRate(lineStream, log);
  return {
    'link.split_readline_mb_per_s': readline,
    'link.parse_line_mb_per_s': line,
    'link.parse_kerong_mb_per_s': kerong,
    'link.parse_mb_per_s': Math.min(line, kerong),
  };
}
