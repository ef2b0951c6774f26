/**
 * What every frame decoder emits, in stream order: a frame it accepted, or bytes it threw away
 * (noise, a frame with a bad checksum, an over-long line) with the reason, so the link can count
 * and log them. Decoders are pure: no timers, no I/O, a bounded buffer.
 */
export type Decoded<F> =
  | { kind: 'frame'; frame: F }
  | { kind: 'discarded'; bytes: Buffer; reason: DiscardReason };

export type DiscardReason = 'noise' | 'checksum' | 'malformed' | 'overflow';

export interface FrameDecoder<F> {
  /** Feed bytes as they arrived (any chunking); returns what they completed, in order. */
  push(chunk: Uint8Array): Decoded<F>[];
  /** Bytes held while waiting for the rest of a frame; never above the decoder's bound. */
  readonly buffered: number;
  /** Forget any partial frame (a reconnect builds a new decoder anyway). */
  reset(): void;
}
