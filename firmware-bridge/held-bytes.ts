import type { Decoded, DiscardReason } from './codec';

/** A scratch wider than this is used for one push and let go, so one huge chunk leaves no trace. */
const SCRATCH_LIMIT = 4096;

/**
 * The bytes a frame decoder holds between pushes: the start of a frame still waiting for its
 * rest. Each push joins them to the new chunk in one scratch (copying only when something is
 * held) and keeps the unfinished tail; the decoders keep less than one frame, so it stays bounded.
 */
export class HeldBytes {
  /** Scratch where held bytes meet the next chunk; held bytes sit at its start. */
  private work: Uint8Array;
  private held = 0;

  constructor(scratchBytes: number) {
    this.work = new Uint8Array(scratchBytes);
  }

  /** How many bytes are held. */
  get length(): number {
    return this.held;
  }

  clear(): void {
    this.held = 0;
  }

  /** The held bytes followed by the chunk; what is held is unchanged until keep(). */
  join(chunk: Uint8Array): Uint8Array {
    if (this.held === 0) return chunk;
    const need = this.held + chunk.length;
    if (need > this.work.length) {
      const wider = new Uint8Array(need);
      wider.set(this.work.subarray(0, this.held));
      if (need <= SCRATCH_LIMIT) this.work = wider;
      wider.set(chunk, this.held);
      return wider;
    }
    this.work.set(chunk, this.held);
    return this.work;
  }

  /** Hold data[from, to) (data as join() returned it): always less than one frame. */
  keep(data: Uint8Array, from: number, to: number): void {
    const rest = to - from;
    if (rest > 0) {
      if (data === this.work) this.work.copyWithin(0, from, to);
      else this.work.set(data.subarray(from, to));
    }
    this.held = rest;
  }
}

/**
 * data[from, to) thrown away for a reason, copied out of the scratch it sits in. Copied byte by
 * byte: most discards are one or two bytes (a false start), and Buffer.from(subarray) costs a
 * view and a native call for each (the Kerong decoder parsed 58 MB/s with it, 88 with the loop).
 */
export function discarded(data: Uint8Array, from: number, to: number, reason: DiscardReason): Decoded<never> {
  const bytes = Buffer.allocUnsafe(to - from);
  for (let k = from; k < to; k++) bytes[k - from] = data[k]!;
  return { kind: 'discarded', bytes, reason };
}
