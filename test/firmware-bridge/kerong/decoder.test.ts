import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decoded } from '../../../firmware-bridge/codec';
import { encodeKerongReply, encodeKerongRequest, KerongDecoder } from '../../../firmware-bridge/kerong/codec';
import { CU16_PROFILE, CU16_REPLY35_PROFILE } from '../../../firmware-bridge/kerong/profile';
import type { KerongReply, KerongRequest } from '../../../firmware-bridge/kerong/types';
import { chunked, splitsOf } from '../line/arbitraries';

type KerongFrame = KerongRequest | KerongReply;

const nibble = fc.integer({ min: 0, max: 15 });
/** What this host may encode: boards 0-9, any command but unlock-all (0x33). */
const request = fc.record({
  board: fc.integer({ min: 0, max: 9 }),
  lock: nibble,
  command: fc.integer({ min: 0, max: 255 }).filter((c) => c !== 0x33),
});
const reply = fc.record({
  board: nibble,
  lock: nibble,
  command: fc.constantFrom(0x30, 0x31),
  data: fc.uint8Array({ minLength: 4, maxLength: 4 }).map(Buffer.from),
});
const requestBytes = request.map(encodeKerongRequest);
const replyBytes = reply.map((r) => encodeKerongReply(r, CU16_PROFILE));

const framesOf = (out: Decoded<KerongFrame>[]) => out.flatMap((d) => (d.kind === 'frame' ? [d.frame] : []));
const reasonsOf = (out: Decoded<KerongFrame>[]) => out.map((d) => (d.kind === 'frame' ? 'frame' : d.reason));
const discardedBytes = (out: Decoded<KerongFrame>[]) =>
  out.reduce((n, d) => n + (d.kind === 'discarded' ? d.bytes.length : 0), 0);

const directions = [
  { direction: 'requests' as const, frame: requestBytes },
  { direction: 'replies' as const, frame: replyBytes },
];

describe('KerongDecoder', () => {
  it('reads the vendor sheet request examples', () => {
    const out = new KerongDecoder('requests', CU16_PROFILE).push(
      Buffer.from([0x02, 0x00, 0x30, 0x03, 0x35, 0x02, 0x00, 0x31, 0x03, 0x36, 0x02, 0x01, 0x31, 0x03, 0x37]),
    );
    expect(framesOf(out)).toEqual([
      { board: 0, lock: 0, command: 0x30 },
      { board: 0, lock: 0, command: 0x31 },
      { board: 0, lock: 1, command: 0x31 },
    ]);
  });

  it('round-trips requests and replies', () => {
    fc.assert(
      fc.property(request, (r) => {
        expect(framesOf(new KerongDecoder('requests', CU16_PROFILE).push(encodeKerongRequest(r)))).toEqual([
          r,
        ]);
      }),
    );
    fc.assert(
      fc.property(reply, (r) => {
        const out = new KerongDecoder('replies', CU16_PROFILE).push(encodeKerongReply(r, CU16_PROFILE));
        expect(framesOf(out)).toEqual([r]);
      }),
    );
  });

  for (const { direction, frame } of directions) {
    describe(`(${direction})`, () => {
      it('finds the same frames however the bytes are chunked, and accounts for every byte', () => {
        const parts = fc.array(fc.oneof(frame, fc.uint8Array({ maxLength: 12 }).map(Buffer.from)), {
          maxLength: 12,
        });
        fc.assert(
          fc.property(
            parts.chain((p) => {
              const bytes = Buffer.concat(p);
              return fc.tuple(fc.constant(bytes), splitsOf(bytes.length));
            }),
            ([bytes, cuts]) => {
              const expected = new KerongDecoder(direction, CU16_PROFILE).push(bytes);
              const decoder = new KerongDecoder(direction, CU16_PROFILE);
              const out = chunked(bytes, cuts).flatMap((c) => decoder.push(c));
              expect(framesOf(out)).toEqual(framesOf(expected));
              const frameBytes = framesOf(out).reduce((n, f) => n + ('data' in f ? 5 + f.data.length : 5), 0);
              expect(frameBytes + discardedBytes(out) + decoder.buffered).toBe(bytes.length);
            },
          ),
          { numRuns: 300 },
        );
      });

      it('yields a frame after any garbage free of STX (0x02)', () => {
        const garbage = fc
          .uint8Array({ maxLength: 200 })
          .map((b) => Buffer.from(b.filter((x) => x !== 0x02)));
        fc.assert(
          fc.property(garbage, frame, (noise, bytes) => {
            const out = new KerongDecoder(direction, CU16_PROFILE).push(Buffer.concat([noise, bytes]));
            expect(out.at(-1)?.kind).toBe('frame');
            expect(framesOf(out)).toHaveLength(1);
          }),
        );
      });

      it('yields a frame after any garbage, STX included, unless a false frame begun in the garbage reaches into it', () => {
        // An 8-bit SUM and a fixed ETX position are all a Kerong frame has: a garbage STX can
        // begin a candidate that borrows the real frame's first bytes and still checks out
        // (see the next test). Then the real frame is lost, and the host's timeout and status
        // read cover it. Any other garbage costs nothing.
        const garbage = fc.array(
          fc.oneof(fc.constant(0x02), fc.constant(0x03), fc.integer({ min: 0, max: 255 })),
          {
            maxLength: 40,
          },
        );
        fc.assert(
          fc.property(garbage, frame, (noise, bytes) => {
            const out = new KerongDecoder(direction, CU16_PROFILE).push(
              Buffer.concat([Buffer.from(noise), bytes]),
            );
            let at = 0;
            const spans = out.map((d) => {
              const length = d.kind === 'frame' ? frameLength(d.frame) : d.bytes.length;
              const span = { d, from: at, to: at + length };
              at += length;
              return span;
            });
            const covering = spans.find((s) => s.from <= noise.length && noise.length < s.to);
            expect(covering?.d.kind).toBe('frame');
            if (covering?.from === noise.length) {
              expect(covering.d).toEqual(new KerongDecoder(direction, CU16_PROFILE).push(bytes)[0]);
              expect(spans.at(-1)).toBe(covering);
            } else {
              expect(covering!.from).toBeLessThan(noise.length);
            }
          }),
          { numRuns: 2000 },
        );
      });

      it('rejects a frame alone on the line with any one bit flipped', () => {
        fc.assert(
          fc.property(frame, fc.nat(), fc.integer({ min: 0, max: 7 }), (bytes, at, bit) => {
            const damaged = Buffer.from(bytes);
            damaged[at % damaged.length]! ^= 1 << bit;
            expect(framesOf(new KerongDecoder(direction, CU16_PROFILE).push(damaged))).toEqual([]);
          }),
          { numRuns: 2000 },
        );
      });

      it('keeps its buffer below one frame under endless noise', () => {
        const noise = fc.array(
          fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array([2, 0, 0x30, 2, 0x31, 2]))),
          { minLength: 1, maxLength: 50 },
        );
        fc.assert(
          fc.property(noise, (chunks) => {
            const decoder = new KerongDecoder(direction, CU16_PROFILE);
            for (const chunk of chunks) {
              decoder.push(chunk);
              expect(decoder.buffered).toBeLessThan(decoder.maxFrameBytes);
            }
          }),
        );
      });
    });
  }

  it('cannot see two flips of the same bit in opposite directions: the 8-bit SUM is blind to them', () => {
    // A status read of board 0 lock 1 and an unlock of board 0 lock 0 differ in bit 0 of ADDR and
    // of CMD, one set and one cleared, and carry the same SUM. Only the host's habits (status reads
    // with lock 0, a status read before any resend) keep such a pair from mattering.
    const status = encodeKerongRequest({ board: 0, lock: 1, command: 0x30 });
    const unlock = encodeKerongRequest({ board: 0, lock: 0, command: 0x31 });
    expect(status[4]).toBe(unlock[4]);
    let differing = 0;
    for (let i = 0; i < 5; i++) differing += popcount(status[i]! ^ unlock[i]!);
    expect(differing).toBe(2);
    expect(framesOf(new KerongDecoder('requests', CU16_PROFILE).push(unlock))).toEqual([
      { board: 0, lock: 0, command: 0x31 },
    ]);
  });

  it('loses a frame to a false one when garbage ending in 02 29 meets a status read of lock 3', () => {
    // 02 29 | 02 03 30 03 38: from the garbage STX, ETX sits where the real ADDR is (lock 3 =
    // 0x03) and 02+29+02+03 = 0x30, the real CMD, reads as a valid SUM. No 8-bit sum can rule
    // this out; a status read with lock 0, as the driver sends, cannot be taken this way.
    const real = encodeKerongRequest({ board: 0, lock: 3, command: 0x30 });
    const out = new KerongDecoder('requests', CU16_PROFILE).push(
      Buffer.concat([Buffer.from([0x02, 0x29]), real]),
    );
    expect(framesOf(out)).toEqual([{ board: 2, lock: 9, command: 0x02 }]);
  });

  it('gives up only the STX of a false start and finds the frame behind it', () => {
    const out = new KerongDecoder('requests', CU16_PROFILE).push(
      Buffer.from([0x02, 0x02, 0x00, 0x30, 0x03, 0x35]),
    );
    expect(reasonsOf(out)).toEqual(['malformed', 'frame']);
    expect(out[0]).toMatchObject({ bytes: Buffer.from([0x02]) });
  });

  it('reports noise, a missing ETX, a bad SUM and an unknown reply CMD with their reasons', () => {
    const decoder = new KerongDecoder('replies', CU16_PROFILE);
    const good = encodeKerongReply({ board: 0, lock: 0, command: 0x30, data: Buffer.alloc(4) }, CU16_PROFILE);
    const badSum = Buffer.from(good);
    badSum[8] = (badSum[8]! + 1) & 0xff;
    const noEtx = Buffer.from(good);
    noEtx[7] = 0x04;
    const out = decoder.push(
      Buffer.concat([Buffer.from([0xff, 0x00]), badSum, noEtx, Buffer.from([0x02, 0x00, 0x77]), good]),
    );
    const reasons = reasonsOf(out).filter((r) => r !== 'noise');
    expect(reasons).toEqual(['checksum', 'malformed', 'malformed', 'frame']);
    expect(out[0]).toEqual({ kind: 'discarded', bytes: Buffer.from([0xff, 0x00]), reason: 'noise' });
  });

  it('takes reply lengths from the profile: a 0x35 board is noise to a profile without it', () => {
    const echoOnly = { ...CU16_PROFILE, replyLength: { 48: 9, 49: 9 }, statusReplyCommands: [0x30] };
    const frame = encodeKerongReply(
      { board: 2, lock: 0, command: 0x35, data: Buffer.alloc(4) },
      CU16_REPLY35_PROFILE,
    );
    expect(framesOf(new KerongDecoder('replies', CU16_REPLY35_PROFILE).push(frame))).toHaveLength(1);
    expect(framesOf(new KerongDecoder('replies', echoOnly).push(frame))).toEqual([]);
    expect(framesOf(new KerongDecoder('replies', CU16_PROFILE).push(frame))).toHaveLength(1);
  });

  it('forgets a partial frame on reset', () => {
    const decoder = new KerongDecoder('requests', CU16_PROFILE);
    decoder.push(Buffer.from([0x02, 0x00, 0x30]));
    expect(decoder.buffered).toBe(3);
    decoder.reset();
    expect(decoder.buffered).toBe(0);
    expect(framesOf(decoder.push(Buffer.from([0x03, 0x35])))).toEqual([]);
  });
});

function frameLength(frame: KerongFrame): number {
  return 'data' in frame ? 5 + frame.data.length : 5;
}

function popcount(byte: number): number {
  let n = 0;
  for (let b = byte; b; b >>= 1) n += b & 1;
  return n;
}
