import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeKerongReply, encodeKerongRequest, KerongDecoder } from '../../../firmware-bridge/kerong/codec';
import { CU16_PROFILE, CU16_REPLY35_PROFILE } from '../../../firmware-bridge/kerong/profile';
import type { KerongReply, KerongRequest } from '../../../firmware-bridge/kerong/types';
import {
  assertBitFlipRejected,
  assertBoundedUnderNoise,
  assertChunkingChangesNothing,
  assertFrameAfterAnyGarbage,
  assertFrameAfterGarbageWithout,
  framesOf,
  reasonsOf,
} from '../decoder-properties';

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
    const newDecoder = () => new KerongDecoder(direction, CU16_PROFILE);
    describe(`(${direction})`, () => {
      it('finds the same frames however the bytes are chunked, and accounts for every byte', () => {
        assertChunkingChangesNothing(newDecoder, frame, frameLength);
      });

      it('yields a frame after any garbage free of STX (0x02)', () => {
        assertFrameAfterGarbageWithout(newDecoder, frame, [0x02]);
      });

      it('yields a frame after any garbage, STX included, unless a false frame begun in the garbage reaches into it', () => {
        // An 8-bit SUM and a fixed ETX position are all a Kerong frame has: a garbage STX can
        // begin a candidate that borrows the real frame's first bytes and still checks out
        // (see the next test). Then the real frame is lost, and the host's timeout and status
        // read cover it. Any other garbage costs nothing.
        const garbage = fc
          .array(fc.oneof(fc.constant(0x02), fc.constant(0x03), fc.integer({ min: 0, max: 255 })), {
            maxLength: 40,
          })
          .map((b) => Buffer.from(b));
        assertFrameAfterAnyGarbage(newDecoder, garbage, frame, frameLength, 2000);
      });

      it('rejects a frame alone on the line with any one bit flipped', () => {
        assertBitFlipRejected(newDecoder, frame);
      });

      it('keeps its buffer below one frame under endless noise', () => {
        assertBoundedUnderNoise(newDecoder, new Uint8Array([2, 0, 0x30, 2, 0x31, 2]));
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
