import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEightyProfile,
  EIGHTY_PROFILE,
  EightyEncodeError,
  type EightyProfile,
  encodeEightyReply,
  encodeEightyRequest,
  readEightyBoard,
  readEightyLockState,
  writeEightyBoard,
} from '../../../firmware-bridge/eighty/codec';

const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase().match(/../g)!.join(' ');

/**
 * Golden frames. "dp2" is DigitalPlatform/dp2, WjlLockDriver.cs, which quotes the vendor manual
 * (examples and its own Test_ComputeCheck_1..3); "reference" is shared/reference/hardware.md.
 */
describe('8A/80 frames written by the host', () => {
  it('unlocks board 1 lock 1 as 8A 01 01 11 9B (dp2 manual and Test_ComputeCheck_1)', () => {
    expect(hex(encodeEightyRequest({ kind: 'unlock', board: 1, lock: 1 }))).toBe('8A 01 01 11 9B');
  });

  it('queries one lock, a whole board and the only board on a bus as the dp2 manual shows', () => {
    expect(hex(encodeEightyRequest({ kind: 'query_lock', board: 1, lock: 1 }))).toBe('80 01 01 33 B3');
    expect(hex(encodeEightyRequest({ kind: 'query_board', board: 1 }))).toBe('80 01 00 33 B2');
    expect(hex(encodeEightyRequest({ kind: 'find_address' }))).toBe('80 01 00 99 18');
  });

  it('refuses lock 0, which unlocks every lock of a board (8A 01 00 11 9A in the reference)', () => {
    expect(() => encodeEightyRequest({ kind: 'unlock', board: 1, lock: 0 })).toThrow(EightyEncodeError);
    expect(() => encodeEightyRequest({ kind: 'unlock', board: 1, lock: 0 })).toThrow(/every lock/);
  });

  it('refuses boards outside 1-64 and locks outside 1-32', () => {
    for (const board of [0, 65, 1.5, -1]) {
      expect(() => encodeEightyRequest({ kind: 'unlock', board, lock: 1 })).toThrow(EightyEncodeError);
      expect(() => encodeEightyRequest({ kind: 'query_board', board })).toThrow(EightyEncodeError);
    }
    expect(() => encodeEightyRequest({ kind: 'unlock', board: 64, lock: 33 })).toThrow(EightyEncodeError);
    expect(hex(encodeEightyRequest({ kind: 'unlock', board: 64, lock: 32 }))).toBe('8A 40 20 11 FB');
  });

  it('ends every frame with the XOR of the bytes before it', () => {
    const request = fc.oneof(
      fc.record({
        kind: fc.constantFrom('unlock' as const, 'query_lock' as const),
        board: fc.integer({ min: 1, max: 64 }),
        lock: fc.integer({ min: 1, max: 32 }),
      }),
      fc.record({ kind: fc.constant('query_board' as const), board: fc.integer({ min: 1, max: 64 }) }),
    );
    fc.assert(
      fc.property(request, (r) => {
        const frame = encodeEightyRequest(r);
        expect(frame.reduce((x, b) => x ^ b, 0)).toBe(0);
      }),
    );
  });
});

describe('8A/80 frames written by a board', () => {
  it('writes the unlock and one-lock replies of the dp2 manual (Test_ComputeCheck_2 and _3)', () => {
    expect(hex(encodeEightyReply({ kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x11 }))).toBe(
      '80 01 01 11 91',
    );
    expect(hex(encodeEightyReply({ kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x00 }))).toBe(
      '80 01 01 00 80',
    );
  });

  it('writes the 8A-headed unlock replies of the reference', () => {
    expect(hex(encodeEightyReply({ kind: 'lock', header: 0x8a, board: 1, lock: 1, state: 0x00 }))).toBe(
      '8A 01 01 00 8A',
    );
    expect(hex(encodeEightyReply({ kind: 'lock', header: 0x8a, board: 1, lock: 1, state: 0x11 }))).toBe(
      '8A 01 01 11 9B',
    );
  });

  it('writes a whole board as 80 BB [25-32] [17-24] [9-16] [1-8] 33 X (dp2 manual: all shut)', () => {
    expect(hex(encodeEightyReply({ kind: 'board', board: 1, bits: 0xffffffff }))).toBe(
      '80 01 FF FF FF FF 33 B2',
    );
    // Lock 1 is bit 0 of the last data byte; lock 32 is bit 7 of the first.
    expect(hex(encodeEightyReply({ kind: 'board', board: 2, bits: 0x80000001 }))).toBe(
      '80 02 80 00 00 01 33 30',
    );
  });

  it('writes the address reply of the dp2 manual: 80 01 01 99 19 for board 1', () => {
    expect(hex(encodeEightyReply({ kind: 'address', board: 1 }))).toBe('80 01 01 99 19');
  });

  it('refuses a state byte other than 00 and 11 and a header other than 80 and 8A', () => {
    expect(() => encodeEightyReply({ kind: 'lock', header: 0x80, board: 1, lock: 1, state: 0x01 })).toThrow(
      EightyEncodeError,
    );
    expect(() => encodeEightyReply({ kind: 'lock', header: 0x02, board: 1, lock: 1, state: 0x00 })).toThrow(
      EightyEncodeError,
    );
  });
});

const FLIPPED: EightyProfile = {
  ...EIGHTY_PROFILE,
  name: 'flipped',
  locks: 32,
  boardBitLocked: false,
  lockStateLocked: 0x11,
};

describe('8A/80 lock states', () => {
  it('reads a clear bit as released and open on the dp2 wiring (dp2 reads 0 as "open")', () => {
    const locks = readEightyBoard(0b1111_1110, EIGHTY_PROFILE);
    expect(locks).toHaveLength(8);
    expect(locks[0]).toEqual({ locked: false, open: true });
    expect(locks[1]).toEqual({ locked: true, open: false });
  });

  it('reads the same bits the other way on a board wired with the other switch', () => {
    expect(readEightyBoard(0b1111_1110, FLIPPED)[0]).toEqual({ locked: true, open: false });
    expect(readEightyBoard(0b1111_1110, FLIPPED)[31]).toEqual({ locked: true, open: false });
  });

  it('reads a one-lock state byte through the profile (dp2 example: 11 = open)', () => {
    expect(readEightyLockState(0x11, EIGHTY_PROFILE)).toEqual({ locked: false, open: true });
    expect(readEightyLockState(0x00, EIGHTY_PROFILE)).toEqual({ locked: true, open: false });
    expect(readEightyLockState(0x11, FLIPPED)).toEqual({ locked: true, open: false });
  });

  for (const profile of [EIGHTY_PROFILE, FLIPPED]) {
    it(`writes then reads back the same locks (${profile.name})`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.boolean(), { minLength: profile.locks, maxLength: profile.locks }),
          (locked) => {
            const read = readEightyBoard(writeEightyBoard(locked, profile), profile);
            expect(read.map((l) => l.locked)).toEqual(locked);
          },
        ),
      );
    });
  }

  it('refuses a profile that names an impossible board, naming the field', () => {
    expect(() => checkEightyProfile({ ...EIGHTY_PROFILE, locks: 33 })).toThrow(/locks/);
    expect(() => checkEightyProfile({ ...EIGHTY_PROFILE, lockStateLocked: 0x01 })).toThrow(/lockStateLocked/);
    expect(() => checkEightyProfile({ ...EIGHTY_PROFILE, unlockReplyHeader: 0x02 })).toThrow(
      /unlockReplyHeader/,
    );
    expect(() =>
      checkEightyProfile({ ...EIGHTY_PROFILE, replyTimeoutMs: { status: 50, open: 1300 } }),
    ).toThrow(/replyTimeoutMs.status/);
    expect(checkEightyProfile(EIGHTY_PROFILE)).toBe(EIGHTY_PROFILE);
  });
});
