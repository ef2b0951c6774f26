import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decoded } from '../../../firmware-bridge/codec';
import { encodeLine } from '../../../firmware-bridge/line/codec';
import { LineDecoder } from '../../../firmware-bridge/line/decoder';
import type { LineFrame } from '../../../firmware-bridge/line/types';
import { assertChunkingChangesNothing, discardedBytes, framesOf } from '../decoder-properties';
import { chunked, lineFrame } from './arbitraries';

const ping = (seq: number): LineFrame => ({ type: 'request', request: { seq, command: { verb: 'PING' } } });

function feed(decoder: LineDecoder, chunks: Buffer[]): Decoded<LineFrame>[] {
  return chunks.flatMap((chunk) => decoder.push(chunk));
}

describe('LineDecoder', () => {
  it('finds the same frames however the bytes are chunked, and accounts for every byte', () => {
    // Noise and frames interleaved, as a line that rebooted boards and bad cables produce.
    assertChunkingChangesNothing(
      () => new LineDecoder(),
      lineFrame.map(encodeLine),
      (frame) => encodeLine(frame).length,
      40,
    );
  });

  it('yields a frame that follows any garbage ending in a byte outside printable ASCII or a newline', () => {
    const garbage = fc
      .tuple(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(0x00, 0x0a, 0x0d, 0x1b, 0x80, 0xff))
      .map(([bytes, end]) => Buffer.concat([Buffer.from(bytes), Buffer.from([end])]));
    fc.assert(
      fc.property(garbage, lineFrame, fc.integer({ min: 1, max: 64 }), (noise, frame, size) => {
        const bytes = Buffer.concat([noise, encodeLine(frame)]);
        const decoder = new LineDecoder();
        const chunks = chunked(
          bytes,
          Array.from({ length: Math.floor((bytes.length - 1) / size) }, (_, i) => (i + 1) * size),
        );
        const out = feed(decoder, chunks);
        expect(out.at(-1)).toEqual({ kind: 'frame', frame });
        expect(decoder.buffered).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts a frame with one changed byte or one flipped bit', () => {
    const damage = fc.oneof(
      fc.record({ at: fc.nat(), xor: fc.integer({ min: 0, max: 7 }).map((bit) => 1 << bit) }),
      fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
    );
    fc.assert(
      fc.property(lineFrame, damage, (frame, { at, xor }) => {
        const bytes = Buffer.from(encodeLine(frame));
        bytes[at % (bytes.length - 1)]! ^= xor;
        const out = new LineDecoder().push(bytes);
        expect(framesOf(out)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps its buffer within maxLineBytes under endless noise', () => {
    const noisy = fc.array(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }).map(Buffer.from),
        fc.constant(Buffer.from('\x00>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>', 'latin1')),
        fc.constant(Buffer.alloc(200, 0x41)),
      ),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(noisy, fc.integer({ min: 16, max: 200 }), (chunks, max) => {
        const decoder = new LineDecoder({ maxLineBytes: max });
        for (const chunk of chunks) {
          decoder.push(chunk);
          expect(decoder.buffered).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('reports what it throws away with the reason', () => {
    const tooLong = `>1 PING ${'x'.repeat(150)}\n`;
    const out = new LineDecoder().push(
      Buffer.concat([
        Buffer.from('boot banner\n'),
        Buffer.from('>7 PING*0000\n'),
        Buffer.from('>7 PONG*5C36\n'),
        Buffer.from(tooLong),
        encodeLine(ping(8)),
      ]),
    );
    expect(out.map((d) => (d.kind === 'frame' ? 'frame' : d.reason))).toEqual([
      'noise',
      'checksum',
      expect.stringMatching(/checksum|malformed/),
      'overflow',
      'frame',
    ]);
    expect(out[0]).toMatchObject({ bytes: Buffer.from('boot banner\n') });
  });

  it('drops an over-long line in pieces as it comes and still reads the next line', () => {
    const decoder = new LineDecoder({ maxLineBytes: 32 });
    const out = feed(decoder, [
      Buffer.alloc(100, 0x41),
      Buffer.alloc(100, 0x42),
      Buffer.from('\n'),
      encodeLine(ping(3)),
    ]);
    expect(
      out
        .filter((d) => d.kind === 'discarded')
        .every((d) => d.kind === 'discarded' && d.reason === 'overflow'),
    ).toBe(true);
    expect(discardedBytes(out)).toBe(201);
    expect(framesOf(out)).toEqual([ping(3)]);
  });

  it('finds a frame at the end of a long run of binary noise with no newline', () => {
    const bytes = Buffer.concat([Buffer.alloc(1000, 0), encodeLine(ping(5))]);
    const decoder = new LineDecoder();
    const out = feed(
      decoder,
      chunked(
        bytes,
        Array.from({ length: 15 }, (_, i) => (i + 1) * 64),
      ),
    );
    expect(framesOf(out)).toEqual([ping(5)]);
  });

  it('does not take a frame glued to printable text: a start must follow a line start or a non-printable', () => {
    const out = new LineDecoder().push(Buffer.concat([Buffer.from('OK'), encodeLine(ping(5))]));
    expect(framesOf(out)).toEqual([]);
    expect(discardedBytes(out)).toBe(2 + encodeLine(ping(5)).length);
  });

  it('accepts a frame ended by "\\r\\n"', () => {
    const line = encodeLine(ping(9)).toString('latin1').replace('\n', '\r\n');
    expect(framesOf(new LineDecoder().push(Buffer.from(line, 'latin1')))).toEqual([ping(9)]);
  });

  it('forgets a partial line on reset', () => {
    const decoder = new LineDecoder();
    const bytes = encodeLine(ping(4));
    decoder.push(bytes.subarray(0, 5));
    expect(decoder.buffered).toBe(5);
    decoder.reset();
    expect(decoder.buffered).toBe(0);
    expect(framesOf(decoder.push(bytes.subarray(5)))).toEqual([]);
    expect(framesOf(decoder.push(bytes))).toEqual([ping(4)]);
  });
});
