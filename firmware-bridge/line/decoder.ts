import type { Decoded, DiscardReason, FrameDecoder } from '../codec';
import { LineSplitter } from '../line-splitter';
import { isKindByte } from './grammar';
import { LINE_MAX_BYTES } from './limits';
import { parseLineAt } from './parse';
import type { LineFrame } from './types';

export interface LineDecoderOptions {
  /** Longest line kept, '\n' not counted; a longer one is dropped as 'overflow'. */
  maxLineBytes?: number;
}

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
  private readonly splitter: LineSplitter;
  /** Where the splitter's sink puts what it decodes during one push. */
  private out: Decoded<LineFrame>[] = [];
  private readonly maxLineBytes: number;
  /** The first held byte may start a frame: it begins a line or follows a dropped non-printable. */
  private zeroMayStart = true;

  constructor(options: LineDecoderOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? LINE_MAX_BYTES;
    this.splitter = new LineSplitter(
      {
        maxHeldBytes: this.maxLineBytes,
        // Keep an over-long partial line from its last frame start, if what follows fits.
        keepFrom: (held) => {
          const start = lastFrameStart(held, this.zeroMayStart);
          return start >= 0 && held.length - start <= this.maxLineBytes ? start : held.length;
        },
      },
      {
        line: (line, headDropped) => this.takeLine(line, headDropped),
        discard: (bytes) => {
          this.out.push(discard(bytes, 'overflow'));
          // Bytes still held begin at a frame start; if none are, the next byte continues a line
          // whose head is gone and may start a frame only after a non-printable.
          this.zeroMayStart = this.splitter.buffered > 0 || !isPrintable(bytes[bytes.length - 1]!);
        },
      },
    );
  }

  get buffered(): number {
    return this.splitter.buffered;
  }

  reset(): void {
    this.splitter.reset();
    this.zeroMayStart = true;
  }

  push(chunk: Uint8Array): Decoded<LineFrame>[] {
    const out: Decoded<LineFrame>[] = [];
    this.out = out;
    this.splitter.push(chunk);
    return out;
  }

  private takeLine(line: Buffer, headDropped: boolean): void {
    const out = this.out;
    const head = headDropped ? 'overflow' : 'noise';
    const start = lastFrameStart(line, this.zeroMayStart);
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
