import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeKerongReply,
  encodeKerongRequest,
  KerongEncodeError,
  readKerongStatus,
  writeKerongStatus,
} from '../../../firmware-bridge/kerong/codec';
import {
  CU16_PROFILE,
  CU16_REPLY35_PROFILE,
  type KerongProfile,
} from '../../../firmware-bridge/kerong/profile';
import { KerongCommand } from '../../../firmware-bridge/kerong/types';
import type { ChannelState } from '../../../firmware-bridge/line/types';

const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase().match(/../g)!.join(' ');

/** A board whose bytes are the other way round in every respect the sources disagree on. */
const MIRRORED: KerongProfile = {
  ...CU16_PROFILE,
  name: 'mirrored',
  status: {
    hookBytes: [1, 0],
    infraredBytes: [3, 2],
    bitOrder: 'msb-first',
    hookActiveHigh: false,
    infraredActiveHigh: false,
    hookMeansDoorClosed: true,
  },
};

/** Channels a hook-only board can describe: the hook is engaged exactly when locked and shut. */
const consistentChannels = fc.array(
  fc
    .record({ locked: fc.boolean(), present: fc.boolean() })
    .map(({ locked, present }): ChannelState => ({ locked, doorOpen: !locked, present })),
  { minLength: 16, maxLength: 16 },
);

describe('Kerong CU16 frames', () => {
  it('writes the vendor sheet examples byte for byte', () => {
    expect(hex(encodeKerongRequest({ board: 0, lock: 0, command: KerongCommand.statusOne }))).toBe(
      '02 00 30 03 35',
    );
    expect(hex(encodeKerongRequest({ board: 0, lock: 0, command: KerongCommand.unlockOne }))).toBe(
      '02 00 31 03 36',
    );
    expect(hex(encodeKerongRequest({ board: 0, lock: 1, command: KerongCommand.unlockOne }))).toBe(
      '02 01 31 03 37',
    );
  });

  it('puts the board in the high nibble of ADDR and the lock in the low nibble', () => {
    expect(hex(encodeKerongRequest({ board: 3, lock: 15, command: KerongCommand.unlockOne }))).toBe(
      '02 3F 31 03 75',
    );
  });

  it('writes a status reply as 02 ADDR CMD, four data bytes, 03 SUM', () => {
    const data = Buffer.from([0x01, 0x80, 0x00, 0xff]);
    const frame = encodeKerongReply({ board: 1, lock: 0, command: 0x30, data }, CU16_PROFILE);
    // 0x02 + 0x10 + 0x30 + 0x01 + 0x80 + 0x00 + 0xFF + 0x03 = 0x1C5
    expect(hex(frame)).toBe('02 10 30 01 80 00 FF 03 C5');
  });

  it('refuses a board or lock beyond 0-15 and a reply the profile does not know', () => {
    expect(() => encodeKerongRequest({ board: 16, lock: 0, command: 0x30 })).toThrow(KerongEncodeError);
    expect(() => encodeKerongRequest({ board: 0, lock: -1, command: 0x30 })).toThrow(KerongEncodeError);
    const reply = { board: 0, lock: 0, command: 0x30, data: Buffer.alloc(4) };
    expect(() => encodeKerongReply(reply, CU16_REPLY35_PROFILE)).toThrow(KerongEncodeError);
    expect(() => encodeKerongReply({ ...reply, data: Buffer.alloc(3) }, CU16_PROFILE)).toThrow(
      KerongEncodeError,
    );
  });
});

describe('Kerong CU16 status bits', () => {
  it('reads lock 1 from bit 0 of the first hook and infrared bytes on the default profile', () => {
    const data = Buffer.from([0x01, 0x00, 0x01, 0x80]);
    const channels = readKerongStatus({ board: 0, lock: 0, command: 0x30, data }, CU16_PROFILE);
    expect(channels).toHaveLength(16);
    expect(channels[0]).toEqual({ locked: true, doorOpen: false, present: true });
    expect(channels[1]).toEqual({ locked: false, doorOpen: true, present: false });
    expect(channels[15]).toEqual({ locked: false, doorOpen: true, present: true });
  });

  for (const profile of [CU16_PROFILE, MIRRORED]) {
    it(`writes then reads back the same channels (${profile.name})`, () => {
      fc.assert(
        fc.property(consistentChannels, (channels) => {
          const data = writeKerongStatus(channels, profile);
          expect(readKerongStatus({ board: 0, lock: 0, command: 0x30, data }, profile)).toEqual(channels);
        }),
      );
    });
  }

  it('lays the same channels out differently on a differently wired board', () => {
    const channels: ChannelState[] = Array.from({ length: 16 }, (_, i) => ({
      locked: i === 0,
      doorOpen: i !== 0,
      present: false,
    }));
    expect(hex(writeKerongStatus(channels, CU16_PROFILE))).toBe('01 00 00 00');
    expect(hex(writeKerongStatus(channels, MIRRORED))).toBe('FF 7F FF FF');
  });

  it('says "not locked" for an unlocked door that is still shut (the hook is released)', () => {
    const channels = Array.from({ length: 16 }, () => ({ locked: false, doorOpen: false, present: false }));
    const data = writeKerongStatus(channels, CU16_PROFILE);
    expect(readKerongStatus({ board: 0, lock: 0, command: 0x30, data }, CU16_PROFILE)[0]).toMatchObject({
      locked: false,
    });
  });
});
