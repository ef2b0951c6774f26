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
