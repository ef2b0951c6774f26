import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EightyDecoder, encodeEightyReply, encodeEightyRequest } from '../../../firmware-bridge/eighty/codec';
import type {
  EightyExpectation,
  EightyFrame,
  EightyReply,
  EightyRequest,
} from '../../../firmware-bridge/eighty/types';
import {
  assertBitFlipRejected,
  assertBoundedUnderNoise,
  assertChunkingChangesNothing,
  assertFrameAfterGarbageWithout,
  framesOf,
  reasonsOf,
} from '../decoder-properties';

const board = fc.integer({ min: 1, max: 64 });
const lock = fc.integer({ min: 1, max: 32 });
const request: fc.Arbitrary<EightyRequest> = fc.oneof(
  fc.record({ kind: fc.constantFrom('unlock' as const, 'query_lock' as const), board, lock }),
  fc.record({ kind: fc.constant('query_board' as const), board }),
  fc.constant({ kind: 'find_address' as const }),
);
const lockReply: fc.Arbitrary<EightyReply> = fc.record({
  kind: fc.constant('lock' as const),
  header: fc.constantFrom(0x80, 0x8a),
  board,
  lock,
  state: fc.constantFrom(0x00, 0x11),
});
const shortReply: fc.Arbitrary<EightyReply> = fc.oneof(
  lockReply,
  fc.record({ kind: fc.constant('address' as const), board }),
);
const boardReply: fc.Arbitrary<EightyReply> = fc.record({
  kind: fc.constant('board' as const),
  board,
  bits: fc.integer({ min: 0, max: 0xffffffff }),
});

/** Each kind of frame with the expectation under which the host reads it. */
const kinds: {
  name: string;
  direction: 'requests' | 'replies';
  expecting: EightyExpectation;
  frame: fc.Arbitrary<Buffer>;
}[] = [
  { name: 'requests', direction: 'requests', expecting: null, frame: request.map(encodeEightyRequest) },
  {
    name: 'one-lock replies',
    direction: 'replies',
    expecting: 'lock',
    frame: shortReply.map(encodeEightyReply),
  },
  {
    name: 'board replies',
    direction: 'replies',
    expecting: 'board',
    frame: boardReply.map(encodeEightyReply),
  },
];

const decoder = (direction: 'requests' | 'replies', expecting: EightyExpectation) => {
  const d = new EightyDecoder(direction);
  d.expect(expecting);
  return d;
};
const frameLength = (frame: EightyFrame) => (frame.kind === 'board' ? 8 : 5);
const bytes = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');

describe('EightyDecoder, golden frames (DigitalPlatform/dp2 WjlLockDriver.cs, vendor manual quoted there)', () => {
  it('reads the host requests of the manual', () => {
    const out = decoder('requests', null).push(
      bytes('8A 01 01 11 9B  80 01 01 33 B3  80 01 00 33 B2  80 01 00 99 18'),
    );
    expect(framesOf(out)).toEqual([
      { kind: 'unlock', board: 1, lock: 1 },
      { kind: 'query_lock', board: 1, lock: 1 },
      { kind: 'query_board', board: 1 },
      { kind: 'find_address' },
    ]);
  });

  it('reads an unlock-all request (8A 01 00 11 9A, reference hardware.md) so a simulator can refuse it', () => {
    expect(framesOf(decoder('requests', null).push(bytes('8A 01 00 11 9A')))).toEqual([
      { kind: 'unlock', board: 1, lock: 0 },
    ]);
  });

  it('reads the one-lock and unlock replies of the manual and of the reference', () => {
    const out = decoder('replies', 'lock').push(
      bytes('80 01 01 11 91  80 01 01 00 80  8A 01 01 00 8A  8A 01 01 11 9B'),
    );
    expect(framesOf(out)).toEqual([
      { kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x11 },
      { kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x00 },
      { kind: 'lock', header: 0x8a, board: 1, lock: 1, state: 0x00 },
      { kind: 'lock', header: 0x8a, board: 1, lock: 1, state: 0x11 },
    ]);
  });

  it('reads the whole-board reply of the manual (all locks shut) and the address reply', () => {
    expect(framesOf(decoder('replies', 'board').push(bytes('80 01 FF FF FF FF 33 B2')))).toEqual([
      { kind: 'board', board: 1, bits: 0xffffffff },
    ]);
    expect(framesOf(decoder('replies', null).push(bytes('80 01 01 99 19')))).toEqual([
      { kind: 'address', board: 1 },
    ]);
  });
});

describe('EightyDecoder, the one ambiguity of the protocol', () => {
  // 80 01 | 01 00 80 | 00 33 B2: locks 25-32 read 01, 17-24 read 00 and 9-16 read 80, so the
  // first five bytes are also a valid one-lock reply (board 1, lock 1, state 00).
  const board = bytes('80 01 01 00 80 00 33 33');

  it('reads the 8 bytes as one board reply when a board reply is expected', () => {
    expect(framesOf(decoder('replies', 'board').push(board))).toEqual([
      { kind: 'board', board: 1, bits: 0x01008000 },
    ]);
  });

  it('waits for all 8 bytes rather than settle for the 5 that arrived first', () => {
    const d = decoder('replies', 'board');
    expect(d.push(board.subarray(0, 5))).toEqual([]);
    expect(framesOf(d.push(board.subarray(5)))).toEqual([{ kind: 'board', board: 1, bits: 0x01008000 }]);
  });

  it('reads only 5-byte frames while a one-lock reply is expected', () => {
    const out = decoder('replies', 'lock').push(board);
    expect(framesOf(out)[0]).toEqual({ kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x00 });
    expect(framesOf(out)).toHaveLength(1);
  });

  it('still takes a one-lock reply while a board reply is expected (a late unlock reply)', () => {
    const d = decoder('replies', 'board');
    const late = bytes('80 01 01 11 91');
    const now = encodeEightyReply({ kind: 'board', board: 1, bits: 0xfffffffe });
    expect(framesOf(d.push(Buffer.concat([late, now])))).toEqual([
      { kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x11 },
      { kind: 'board', board: 1, bits: 0xfffffffe },
    ]);
  });
});

describe('EightyDecoder, properties', () => {
  for (const { name, direction, expecting, frame } of kinds) {
    const newDecoder = () => decoder(direction, expecting);
    describe(`(${name})`, () => {
      it('finds the same frames however the bytes are chunked, and accounts for every byte', () => {
        assertChunkingChangesNothing(newDecoder, frame, frameLength);
      });

      it('yields the frame after any garbage free of header bytes (80, 8A)', () => {
        assertFrameAfterGarbageWithout(newDecoder, frame, [0x80, 0x8a]);
      });

      it('rejects a frame alone on the line with any one bit flipped', () => {
        assertBitFlipRejected(newDecoder, frame);
      });

      it('keeps its buffer below one frame under endless noise', () => {
        assertBoundedUnderNoise(newDecoder, new Uint8Array([0x80, 0x01, 0x8a, 0x01, 0x80]));
      });
    });
  }
});

describe('EightyDecoder, discards', () => {
  it('gives up only the header of a false start and finds the frame behind it', () => {
    const out = decoder('requests', null).push(bytes('8A 8A 01 01 11 9B'));
    expect(reasonsOf(out)).toEqual(['malformed', 'frame']);
    expect(out[0]).toMatchObject({ bytes: bytes('8A') });
  });

  it('reports noise, a bad XOR and an impossible shape with their reasons', () => {
    const out = decoder('replies', 'lock').push(
      bytes('FF 00  80 01 01 11 90  80 00 01 11 90  80 01 01 11 91'),
    );
    expect(reasonsOf(out).filter((r) => r !== 'noise')).toEqual(['checksum', 'malformed', 'frame']);
    expect(out[0]).toEqual({ kind: 'discarded', bytes: bytes('FF 00'), reason: 'noise' });
  });

  it('forgets a partial frame on reset', () => {
    const d = decoder('requests', null);
    d.push(bytes('8A 01 01'));
    expect(d.buffered).toBe(3);
    d.reset();
    expect(d.buffered).toBe(0);
    expect(framesOf(d.push(bytes('11 9B')))).toEqual([]);
  });
});
