import fc from 'fast-check';
import { expect } from 'vitest';
import type { Decoded, FrameDecoder } from '../../firmware-bridge/codec';
import { chunked, splitsOf } from './line/arbitraries';

/**
 * The properties every frame decoder keeps, written once and asked of each (Kerong, 8A/80,
 * Modbus, the line dialect): chunking changes nothing, every byte is accounted for, a frame
 * survives garbage before it, a flipped bit is never read as a frame, the buffer stays bounded.
 */

/** A decoder under test; each call makes a fresh one in the same configuration. */
export type NewDecoder<F> = () => FrameDecoder<F> & { readonly maxFrameBytes?: number };

export const framesOf = <F>(out: Decoded<F>[]): F[] =>
  out.flatMap((d) => (d.kind === 'frame' ? [d.frame] : []));
export const reasonsOf = <F>(out: Decoded<F>[]) => out.map((d) => (d.kind === 'frame' ? 'frame' : d.reason));
export const discardedBytes = <F>(out: Decoded<F>[]): number =>
  out.reduce((n, d) => n + (d.kind === 'discarded' ? d.bytes.length : 0), 0);

/** Frames and noise (up to noiseBytes a piece) interleaved, with cut points anywhere in them. */
export function cutStream(frame: fc.Arbitrary<Buffer>, noiseBytes = 12): fc.Arbitrary<[Buffer, number[]]> {
  const parts = fc.array(fc.oneof(frame, fc.uint8Array({ maxLength: noiseBytes }).map(Buffer.from)), {
    maxLength: 12,
  });
  return parts.chain((p) => {
    const all = Buffer.concat(p);
    return fc.tuple(fc.constant(all), splitsOf(all.length));
  });
}

/** The same frames however the bytes are chunked; frames, discards and held bytes sum to the input. */
export function assertChunkingChangesNothing<F>(
  newDecoder: NewDecoder<F>,
  frame: fc.Arbitrary<Buffer>,
  lengthOf: (frame: F) => number,
  noiseBytes = 12,
): void {
  fc.assert(
    fc.property(cutStream(frame, noiseBytes), ([all, cuts]) => {
      const expected = newDecoder().push(all);
      const split = newDecoder();
      const out = chunked(all, cuts).flatMap((c) => split.push(c));
      expect(framesOf(out)).toEqual(framesOf(expected));
      const frameBytes = framesOf(out).reduce((n, f) => n + lengthOf(f), 0);
      expect(frameBytes + discardedBytes(out) + split.buffered).toBe(all.length);
    }),
    { numRuns: 300 },
  );
}

/** Garbage with none of the bytes a frame may start with is dropped and the frame behind it read. */
export function assertFrameAfterGarbageWithout<F>(
  newDecoder: NewDecoder<F>,
  frame: fc.Arbitrary<Buffer>,
  startBytes: readonly number[],
): void {
  const garbage = fc
    .uint8Array({ maxLength: 200 })
    .map((b) => Buffer.from(b.filter((x) => !startBytes.includes(x))));
  fc.assert(
    fc.property(garbage, frame, (noise, wanted) => {
      const out = newDecoder().push(Buffer.concat([noise, wanted]));
      expect(framesOf(out)).toEqual(framesOf(newDecoder().push(wanted)));
      expect(framesOf(out)).toHaveLength(1);
      expect(out.at(-1)?.kind).toBe('frame');
    }),
  );
}

/**
 * After any garbage the frame is read, last, unless a false frame begun in the garbage reaches
 * into it and passes its check: then that false frame covers where the real one began.
 */
export function assertFrameAfterAnyGarbage<F>(
  newDecoder: NewDecoder<F>,
  garbage: fc.Arbitrary<Buffer>,
  frame: fc.Arbitrary<Buffer>,
  lengthOf: (frame: F) => number,
  numRuns: number,
): void {
  fc.assert(
    fc.property(garbage, frame, (noise, wanted) => {
      const out = newDecoder().push(Buffer.concat([noise, wanted]));
      let at = 0;
      const spans = out.map((d) => {
        const length = d.kind === 'frame' ? lengthOf(d.frame) : d.bytes.length;
        const span = { d, from: at, to: at + length };
        at += length;
        return span;
      });
      const covering = spans.find((s) => s.from <= noise.length && noise.length < s.to);
      expect(covering?.d.kind).toBe('frame');
      if (covering?.from === noise.length) {
        expect(covering.d).toEqual(newDecoder().push(wanted)[0]);
        expect(spans.at(-1)).toBe(covering);
      } else {
        expect(covering!.from).toBeLessThan(noise.length);
      }
    }),
    { numRuns },
  );
}

/** A frame alone on the line with any one bit flipped yields no frame. */
export function assertBitFlipRejected<F>(newDecoder: NewDecoder<F>, frame: fc.Arbitrary<Buffer>): void {
  fc.assert(
    fc.property(frame, fc.nat(), fc.integer({ min: 0, max: 7 }), (wanted, at, bit) => {
      const damaged = Buffer.from(wanted);
      damaged[at % damaged.length]! ^= 1 << bit;
      expect(framesOf(newDecoder().push(damaged))).toEqual([]);
    }),
    { numRuns: 2000 },
  );
}

/** Under endless noise, with a false start (`trap`) among it, less than one frame is ever held. */
export function assertBoundedUnderNoise<F>(newDecoder: NewDecoder<F>, trap: Uint8Array): void {
  const noise = fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(trap)), {
    minLength: 1,
    maxLength: 50,
  });
  fc.assert(
    fc.property(noise, (chunks) => {
      const decoder = newDecoder();
      for (const chunk of chunks) {
        decoder.push(chunk);
        expect(decoder.buffered).toBeLessThan(decoder.maxFrameBytes ?? Number.POSITIVE_INFINITY);
      }
    }),
  );
}
