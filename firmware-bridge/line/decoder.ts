import { ReadlineParser } from '@serialport/parser-readline';
import type { Decoded, DiscardReason, FrameDecoder } from '../codec';
import { isKindByte } from './grammar';
import { LINE_MAX_BYTES } from './limits';
import { parseLineAt } from './parse';
import type { LineFrame } from './types';

export interface LineDecoderOptions {
  /** Longest line kept, '\n' not counted; a longer one is dropped as 'overflow'. */
  maxLineBytes?: number;
}

/**
 * serialport's ReadlineParser used as a plain function: its _transform splits the bytes at '\n'
 * and calls push() once per line, which hands the line straight to the decoder instead of
 * queueing it in a stream or a list. That keeps the decoder synchronous, with no timers and no
 * event loop turn between bytes and frames. Its Buffer.concat per chunk and slices per line are
 * about half of the decode time (the parse bench reports the splitter alone).
 */
class LineSplitter extends ReadlineParser {
  constructor(private readonly toDecoder: (line: Buffer) => void) {
    super({ delimiter: Buffer.from([0x0a]), includeDelimiter: true });
  }

  override push(line: Buffer | null): boolean {
    if (line !== null) this.toDecoder(line);
    return true;
  }

  /** Hands over each complete line (ending in '\n') that these bytes finish. */
  split(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // The encoding argument only matters for string chunks; ours are always bytes.
    this._transform(bytes, 'latin1', noop);
  }
}

function noop(): void {}

/**
 * Bytes of the line dialect -> frames. A frame starts at the beginning of a line or right after
 * a byte that no line may contain (outside printable ASCII: boot noise, a framing error), and
 * the last such start in a line wins, so binary noise glued in front of a frame costs only the
 * noise. A kind byte inside printable text is never a start: that is what keeps one corrupted
 * byte from turning the tail of a damaged frame into a frame its CRC never covered.
 *
 * The partial line is held up to maxLineBytes; past that it is dropped as 'overflow', keeping
 * a frame start near its end, and what follows up to the next '\n' is 'overflow' too.
 */
export class LineDecoder implements FrameDecoder<LineFrame> {
  private readonly splitter = new LineSplitter((line) => this.takeLine(line));
  /** Where takeLine puts what it decodes during one push. */
  private out: Decoded<LineFrame>[] = [];
  private readonly maxLineBytes: number;
  /** The held bytes do not begin a line: their head was dropped for overflow. */
  private headDropped = false;
  /** The first held byte may start a frame: it begins a line or follows a dropped non-printable. */
  private zeroMayStart = true;

  constructor(options: LineDecoderOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? LINE_MAX_BYTES;
  }

  get buffered(): number {
    return this.splitter.buffer.length;
  }

  reset(): void {
    this.splitter.buffer = Buffer.alloc(0);
    this.headDropped = false;
    this.zeroMayStart = true;
  }

  push(chunk: Uint8Array): Decoded<LineFrame>[] {
    const out: Decoded<LineFrame>[] = [];
    this.out = out;
    this.splitter.split(chunk);
    this.bound(out);
    return out;
  }

  private takeLine(line: Buffer): void {
    const out = this.out;
    const head = this.headDropped ? 'overflow' : 'noise';
    const start = lastFrameStart(line, this.zeroMayStart);
    this.headDropped = false;
    this.zeroMayStart = true;
    if (start < 0) {
      out.push(discard(line, head));
      return;
    }
    if (start > 0) out.push(discard(line.subarray(0, start), head));
    if (line.length - start - 1 > this.maxLineBytes) {
      out.push(discard(line.subarray(start), 'overflow'));
      return;
    }
    const parsed = parseLineAt(line, start, line.length);
    if (parsed.type === 'error') out.push(discard(line.subarray(start), parsed.reason));
    else out.push({ kind: 'frame', frame: parsed });
  }

  /** Keep the partial line within maxLineBytes. */
  private bound(out: Decoded<LineFrame>[]): void {
    const held = this.splitter.buffer;
    if (held.length <= this.maxLineBytes) return;
    const start = lastFrameStart(held, this.zeroMayStart);
    if (start >= 0 && held.length - start <= this.maxLineBytes) {
      out.push(discard(held.subarray(0, start), 'overflow'));
      this.splitter.buffer = held.subarray(start);
      this.zeroMayStart = true;
      return;
    }
    // Nothing worth keeping: the next bytes continue a line whose head is gone.
    out.push(discard(held, 'overflow'));
    this.splitter.buffer = Buffer.alloc(0);
    this.headDropped = true;
    this.zeroMayStart = !isPrintable(held[held.length - 1]!);
  }
}

/** Index of the last place a frame may start in these bytes, or -1. */
function lastFrameStart(bytes: Buffer, zeroIsLineStart: boolean): number {
  for (let i = bytes.length - 1; i > 0; i--) {
    if (isKindByte(bytes[i]!) && !isPrintable(bytes[i - 1]!)) return i;
  }
  return zeroIsLineStart && bytes.length > 0 && isKindByte(bytes[0]!) ? 0 : -1;
}

function isPrintable(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e;
}

function discard(bytes: Buffer, reason: DiscardReason): Decoded<LineFrame> {
  return { kind: 'discarded', bytes, reason };
}
