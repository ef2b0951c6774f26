/**
 * The bytes a board has heard and not yet made into a frame. A noisy line must not grow memory:
 * past `limit` bytes the oldest are thrown away (and reported by the caller).
 */
export class FrameBuffer {
  private bytes = Buffer.alloc(0);

  constructor(private readonly limit = 256) {}

  push(chunk: Buffer): Buffer | null {
    this.bytes = Buffer.concat([this.bytes, chunk]);
    if (this.bytes.length <= this.limit) return null;
    const dropped = this.bytes.subarray(0, this.bytes.length - this.limit);
    this.bytes = this.bytes.subarray(this.bytes.length - this.limit);
    return Buffer.from(dropped);
  }

  get length(): number {
    return this.bytes.length;
  }

  at(i: number): number | undefined {
    return this.bytes[i];
  }

  peek(n: number): Buffer {
    return this.bytes.subarray(0, n);
  }

  take(n: number): Buffer {
    const taken = Buffer.from(this.bytes.subarray(0, n));
    this.bytes = this.bytes.subarray(n);
    return taken;
  }

  clear(): void {
    this.bytes = Buffer.alloc(0);
  }
}

/** A request of fixed length that begins with one of a few bytes and ends in a check. */
export interface FixedFrame {
  readonly length: number;
  isStart(byte: number): boolean;
  /** Why bytes before a start byte are thrown away ('no STX'). */
  readonly noStart: string;
  /** Why a whole candidate is not a request, or null when it is one. */
  fault(frame: Buffer): string | null;
}

/**
 * Heard bytes -> whole requests, as the boards' firmware scans them: bytes before a start byte
 * are noise, a candidate that fails its check costs only its first byte (the next start may be
 * inside it), and what is left waits for the rest. Every byte thrown away goes to `discard`.
 */
export class FixedFrameReader {
  private readonly buffer = new FrameBuffer();

  constructor(
    private readonly shape: FixedFrame,
    private readonly discard: (bytes: Buffer, reason: string) => void,
  ) {}

  read(bytes: Buffer, answer: (frame: Buffer) => void): void {
    const { buffer, shape, discard } = this;
    const overflow = buffer.push(bytes);
    if (overflow) discard(overflow, 'buffer full');
    while (buffer.length > 0) {
      if (!shape.isStart(buffer.at(0)!)) {
        let skip = 1;
        while (skip < buffer.length && !shape.isStart(buffer.at(skip)!)) skip++;
        discard(buffer.take(skip), shape.noStart);
        continue;
      }
      if (buffer.length < shape.length) return;
      const fault = shape.fault(buffer.peek(shape.length));
      if (fault) {
        discard(buffer.take(1), fault);
        continue;
      }
      answer(buffer.take(shape.length));
    }
  }

  clear(): void {
    this.buffer.clear();
  }
}
