/**
 * Bytes -> lines, bounded. Complete lines (the delimiter included) go to the sink as they are
 * finished; the unfinished tail is held, never more than maxHeldBytes of it. When the tail grows
 * past that, its head is discarded with the reason 'overflow': all of it, or up to where the owner
 * says a new line may start (keepFrom), and what follows continues a line whose head is gone.
 *
 * A splitter of our own rather than a stream parser's internals: indexOf on one byte, no stream,
 * no timers, no event loop turn between bytes and lines, so the decoders above stay synchronous
 * and a parser library's minor version cannot change how they cut.
 */
export interface LineSink {
  /**
   * A complete line, ending in the delimiter. headDropped: since the last line ended, the held
   * bytes were discarded whole at least once, so this line has lost its head.
   */
  line(bytes: Buffer, headDropped: boolean): void;
  /** Held bytes thrown away so the tail stays within the bound. */
  discard(bytes: Buffer, reason: 'overflow'): void;
}

export interface LineSplitterOptions {
  /** The byte that ends a line; '\n' unless told. */
  delimiter?: number;
  /** Most bytes of an unfinished line held between pushes. */
  maxHeldBytes: number;
  /**
   * Where a new line may start inside an over-long tail (an index into it); the bytes before it
   * are discarded and the rest is kept as the start of a line. Without it, or when the answer
   * keeps more than maxHeldBytes, the whole tail is discarded.
   */
  keepFrom?: (held: Buffer) => number;
}

const EMPTY = Buffer.alloc(0);

export class LineSplitter {
  private held: Buffer = EMPTY;
  private headDropped = false;
  private readonly delimiter: number;
  private readonly maxHeldBytes: number;

  constructor(
    private readonly options: LineSplitterOptions,
    private readonly sink: LineSink,
  ) {
    if (!Number.isInteger(options.maxHeldBytes) || options.maxHeldBytes < 1) {
      throw new RangeError(`maxHeldBytes must be a positive integer, not ${options.maxHeldBytes}`);
    }
    this.delimiter = options.delimiter ?? 0x0a;
    this.maxHeldBytes = options.maxHeldBytes;
  }

  /** Bytes of the unfinished line; never above maxHeldBytes after a push. */
  get buffered(): number {
    return this.held.length;
  }

  /** Forget the unfinished line (nothing is reported for it). */
  reset(): void {
    this.held = EMPTY;
    this.headDropped = false;
  }

  push(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    let end = bytes.indexOf(this.delimiter);
    if (end >= 0 && this.held.length > 0) {
      const line = Buffer.concat([this.held, bytes.subarray(0, end + 1)]);
      this.held = EMPTY;
      this.emit(line);
      from = end + 1;
      end = bytes.indexOf(this.delimiter, from);
    }
    while (end >= 0) {
      this.emit(bytes.subarray(from, end + 1));
      from = end + 1;
      end = bytes.indexOf(this.delimiter, from);
    }
    if (from < bytes.length) {
      // The tail outlives this call, so it is copied: the caller may reuse its buffer.
      const tail = bytes.subarray(from);
      this.held = this.held.length > 0 ? Buffer.concat([this.held, tail]) : Buffer.from(tail);
    }
    if (this.held.length > this.maxHeldBytes) this.bound();
  }

  private emit(line: Buffer): void {
    const headDropped = this.headDropped;
    this.headDropped = false;
    this.sink.line(line, headDropped);
  }

  private bound(): void {
    const held = this.held;
    const keep = this.options.keepFrom?.(held) ?? held.length;
    if (keep > 0 && keep < held.length && held.length - keep <= this.maxHeldBytes) {
      this.held = held.subarray(keep);
      this.sink.discard(held.subarray(0, keep), 'overflow');
      return;
    }
    this.held = EMPTY;
    this.headDropped = true;
    this.sink.discard(held, 'overflow');
  }
}
