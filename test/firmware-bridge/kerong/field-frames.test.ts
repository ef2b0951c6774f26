import { describe, expect, it } from 'vitest';
import { kerongDialect } from '../../../firmware-bridge/driver/kerong-dialect';
import { encodeKerongRequest, KerongDecoder, KerongEncodeError } from '../../../firmware-bridge/kerong/codec';
import { CU16_PROFILE, CU16_REPLY35_PROFILE } from '../../../firmware-bridge/kerong/profile';
import type { KerongReply, KerongRequest } from '../../../firmware-bridge/kerong/types';

const bytes = (hex: string) => Buffer.from(hex.replaceAll(' ', ''), 'hex');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase().match(/../g)!.join(' ');

function frameOf(hexText: string, profile = CU16_PROFILE): KerongReply {
  const out = new KerongDecoder('replies', profile).push(bytes(hexText));
  expect(out).toHaveLength(1);
  const first = out[0]!;
  if (first.kind !== 'frame') throw new Error(`discarded: ${first.reason}`);
  return first.frame as KerongReply;
}

describe('Kerong CU16 requests, byte for byte as the public drivers write them', () => {
  it('status of board 0 is 02 00 30 03 35 (kerong-lib kerong_client.cpp get_state: make_query_addr, calc_sum)', () => {
    const dialect = kerongDialect(CU16_PROFILE, 16);
    expect(hex(dialect.encode({ kind: 'status', board: 0 }, 1))).toBe('02 00 30 03 35');
  });

  it('unlock board 0 lock index 0 is 02 00 31 03 36 (lkaas-kerong command.rs unlock_one: SUM = n + 0x36)', () => {
    const dialect = kerongDialect(CU16_PROFILE, 16);
    expect(hex(dialect.encode({ kind: 'open', door: { board: 0, channel: 0 }, pulseMs: 500 }, 1))).toBe(
      '02 00 31 03 36',
    );
  });

  it('unlock board 1 lock index 5 is 02 15 31 03 4B (kerong-lib make_unlock_addr: board << 4 | lock)', () => {
    const dialect = kerongDialect(CU16_PROFILE, 16);
    expect(hex(dialect.encode({ kind: 'open', door: { board: 1, channel: 5 }, pulseMs: 500 }, 1))).toBe(
      '02 15 31 03 4B',
    );
  });

  it('refuses unlock-all (0x33) in the codec itself, whatever the caller', () => {
    const all: KerongRequest = { board: 0, lock: 0, command: 0x33 };
    expect(() => encodeKerongRequest(all)).toThrow(KerongEncodeError);
    expect(() => encodeKerongRequest(all)).toThrow(/unlock-all/);
  });

  it('refuses boards beyond 0-9: board 15 would put the 0xF0 broadcast address on the wire', () => {
    for (const board of [10, 15, 16, -1, 1.5]) {
      expect(() => encodeKerongRequest({ board, lock: 0, command: 0x30 })).toThrow(/0\.\.9/);
    }
    expect(hex(encodeKerongRequest({ board: 9, lock: 15, command: 0x31 }))).toBe('02 9F 31 03 D5');
  });
});

describe('Kerong CU16 status replies, matched to the board asked', () => {
  const inFlight = (board: number) => ({ command: { kind: 'status' as const, board }, seq: 1 });

  it("takes kerong-lib's 0x35 reply (02 ADDR 35 L1-8 L9-16 IR1-8 IR9-16 03 SUM) and the 0x30 echo", () => {
    const dialect = kerongDialect(CU16_PROFILE, 16);
    // 02+00+35+01+00+02+00+03 = 0x3D; 02+00+30+01+00+02+00+03 = 0x38
    for (const reply of ['02 00 35 01 00 02 00 03 3D', '02 00 30 01 00 02 00 03 38']) {
      const meaning = dialect.interpret(frameOf(reply), inFlight(0));
      expect(meaning.kind).toBe('reply');
      if (meaning.kind === 'reply' && meaning.reply.kind === 'status') {
        expect(meaning.reply.reading.doors[0]).toEqual({ locked: true, open: false, present: false });
        expect(meaning.reply.reading.doors[1]).toEqual({ locked: false, open: true, present: true });
      }
    }
  });

  it('takes a reply from another board as stray, never as the status of the board asked', () => {
    const dialect = kerongDialect(CU16_PROFILE, 16);
    // Board 1 (ADDR 0x10) answering while board 0 was asked: 02+10+35+03 = 0x4A
    expect(dialect.interpret(frameOf('02 10 35 00 00 00 00 03 4A'), inFlight(0)).kind).toBe('stray');
    expect(dialect.interpret(frameOf('02 10 35 00 00 00 00 03 4A'), inFlight(1)).kind).toBe('reply');
  });

  it('on the kerong-lib profile, takes 0x35 only, and reads a hook bit 0 as locked', () => {
    const dialect = kerongDialect(CU16_REPLY35_PROFILE, 16);
    const reply = frameOf('02 00 35 00 00 00 00 03 3A', CU16_REPLY35_PROFILE);
    const meaning = dialect.interpret(reply, inFlight(0));
    expect(meaning.kind).toBe('reply');
    if (meaning.kind === 'reply' && meaning.reply.kind === 'status')
      expect(meaning.reply.reading.doors.every((d) => d.locked && !d.open)).toBe(true);
    expect(
      new KerongDecoder('replies', CU16_REPLY35_PROFILE).push(bytes('02 00 30 00 00 00 00 03 35'))[0]?.kind,
    ).toBe('discarded');
  });

  it('expects no reply to an unlock on the default profile, a status frame on cu16-unlock-status', () => {
    const open = { kind: 'open' as const, door: { board: 0, channel: 1 }, pulseMs: 500 };
    expect(kerongDialect(CU16_PROFILE, 16).expectsReply?.(open)).toBe(false);
    expect(kerongDialect({ ...CU16_PROFILE, unlockReply: 'status' }, 16).expectsReply?.(open)).toBe(true);
    expect(kerongDialect(CU16_PROFILE, 16).expectsReply?.({ kind: 'status', board: 0 })).toBe(true);
  });
});
