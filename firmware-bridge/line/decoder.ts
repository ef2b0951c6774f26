import { ReadlineParser } from '@serialport/parser-readline';
import type { Decoded, DiscardReason, FrameDecoder } from '../codec';
import { isKindByte } from './grammar';
import { LINE_MAX_BYTES } from './limits';
import { parseLine } from './parse';
import type { LineFrame } from './types';

export interface LineDecoderOptions {
  /** Longest line kept, '\n' not counted; a longer one is dropped as 'overflow'. */
  maxLineBytes?: number;
}

/**
 * serialport's ReadlineParser used as a plain function: its _transform splits the bytes at '\n'
 * and calls push() once per line, which we collect instead of queueing them in a stream. That
 * keeps the decoder synchronous, with no timers and no event loop turn between bytes and frames.
 */
class LineSplitter extends ReadlineParser {
  private lines: Buffer[] = [];

  constructor() {
    super({ delimiter: Buffer.from([0x0a]), includeDelimiter: true });
  }

  override push(line: Buffer | null): boolean {
    if (line !== null) this.lines.push(line);
    return true;
  }

  /** The complete lines (each ending in '\n') that these bytes finished. */
  split(chunk: Uint8Array): Buffer[] {
    this.lines = [];
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // The encoding argument only matters for string chunks; ours are always bytes.
    this._transform(bytes, 'latin1', noop);
    return this.lines;
  }
}

function noop(): void {}

/**
 * Bytes of the line dialect -> frames. A line is taken from its last kind byte ('>', '<', '!'),
 * so noise glued in front of a frame costs only the noise. The partial line is held up to
 * maxLineBytes; past that it is dropped (keeping a kind byte near the end, which may start a
 * frame), and what follows up to the next '\n' is reported as 'overflow' too.
 */
export class LineDecoder implements FrameDecoder<LineFrame> {
  private readonly splitter = new LineSplitter();
  private readonly maxLineBytes: number;
  private overflowing = false;

  constructor(options: LineDecoderOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? LINE_MAX_BYTES;
  }

  get buffered(): number {
    return this.splitter.buffer.length;
  }

  reset(): void {
    this.splitter.buffer = Buffer.alloc(0);
    this.overflowing = false;
  }

  push(chunk: Uint8Array): Decoded<LineFrame>[] {
    const out: Decoded<LineFrame>[] = [];
    for (const line of this.splitter.split(chunk)) this.takeLine(line, out);
    this.bound(out);
    return out;
  }

  private takeLine(line: Buffer, out: Decoded<LineFrame>[]): void {
    const head = this.overflowing ? 'overflow' : 'noise';
    this.overflowing = false;
    const start = lastKindByte(line, line.length - 1);
    if (start < 0) {
      out.push(discard(line, head));
      return;
    }
    if (start > 0) out.push(discard(line.subarray(0, start), head));
    const candidate = start > 0 ? line.subarray(start) : line;
    if (candidate.length - 1 > this.maxLineBytes) {
      out.push(discard(candidate, 'overflow'));
      return;
    }
    const parsed = parseLine(candidate);
    if (parsed.type === 'error') out.push(discard(candidate, parsed.reason));
    else out.push({ kind: 'frame', frame: parsed });
  }

  /** Keep the partial line within maxLineBytes. */
  private bound(out: Decoded<LineFrame>[]): void {
    const held = this.splitter.buffer;
    if (held.length <= this.maxLineBytes) return;
    const start = lastKindByte(held, held.length - 1);
    const keepFrom = start >= 0 && held.length - start <= this.maxLineBytes ? start : held.length;
    if (keepFrom > 0) out.push(discard(held.subarray(0, keepFrom), 'overflow'));
    this.splitter.buffer = held.subarray(keepFrom);
    this.overflowing = true;
  }
}

function lastKindByte(bytes: Buffer, from: number): number {
  for (let i = from; i >= 0; i--) if (isKindByte(bytes[i]!)) return i;
  return -1;
}

function discard(bytes: Buffer, reason: DiscardReason): Decoded<LineFrame> {
  return { kind: 'discarded', bytes, reason };
}
