import { describe, expect, it } from 'vitest';
import type { InFlight, LinkCommand } from '../../../firmware-bridge/driver/commands';
import { eightyDialect } from '../../../firmware-bridge/driver/eighty-dialect';
import { EIGHTY_PROFILE, type EightyProfile, encodeEightyReply } from '../../../firmware-bridge/eighty/codec';
import type { EightyFrame } from '../../../firmware-bridge/eighty/types';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase().match(/../g)!.join(' ');
const bytes = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');
const inFlight = (command: LinkCommand): InFlight => ({ command, seq: 1 });
const status = (board: number) => inFlight({ kind: 'status', board });
const open = (board: number, channel: number) =>
  inFlight({ kind: 'open', door: { board, channel }, pulseMs: 500 });

/** Frames decoded the way a connection would, after the host wrote `command`. */
function heard(profile: EightyProfile, command: LinkCommand, wire: Buffer): EightyFrame[] {
  const dialect = eightyDialect(profile);
  const decoder = dialect.newDecoder();
  dialect.encode(command, 1);
  return decoder.push(wire).flatMap((d) => (d.kind === 'frame' ? [d.frame] : []));
}

describe('8A/80 dialect: commands on the wire (frames from the manual quoted in dp2 WjlLockDriver.cs)', () => {
  const dialect = eightyDialect(EIGHTY_PROFILE);

  it('reads a board with the whole-board query and opens door 0 of board 1 as lock 1', () => {
    expect(hex(dialect.encode({ kind: 'status', board: 1 }, 1))).toBe('80 01 00 33 B2');
    expect(hex(dialect.encode({ kind: 'open', door: { board: 1, channel: 0 }, pulseMs: 500 }, 2))).toBe(
      '8A 01 01 11 9B',
    );
  });

  it('has no HELLO or PING, and no board 0', () => {
    expect(() => dialect.encode({ kind: 'hello' }, 1)).toThrow(/no hello/);
    expect(() => dialect.encode({ kind: 'ping' }, 1)).toThrow(/no ping/);
    expect(() => dialect.encode({ kind: 'status', board: 0 }, 1)).toThrow(/board 0/);
  });
});

describe('8A/80 dialect: what a reply means', () => {
  const dialect = eightyDialect(EIGHTY_PROFILE);

  it("reads the manual's all-shut board reply as eight locked, shut doors without presence", () => {
    const [frame] = heard(EIGHTY_PROFILE, status(1).command, bytes('80 01 FF FF FF FF 33 B2'));
    const meaning = dialect.interpret(frame!, status(1));
    expect(meaning).toEqual({
      kind: 'reply',
      reply: {
        kind: 'status',
        reading: { board: 1, doors: Array(8).fill({ locked: true, open: false, present: null }) },
      },
    });
  });

  it('reads a clear bit as a released hook: unlocked and open', () => {
    const frame = { kind: 'board' as const, board: 3, bits: 0xfffffffd };
    const meaning = dialect.interpret(frame, status(3));
    expect(
      meaning.kind === 'reply' && meaning.reply.kind === 'status' && meaning.reply.reading.doors[1],
    ).toEqual({
      locked: false,
      open: true,
      present: null,
    });
  });

  it('takes a board reply from another board for a stray', () => {
    expect(dialect.interpret({ kind: 'board', board: 2, bits: 0 }, status(1)).kind).toBe('stray');
  });

  it('acks an open with the unlock reply of the manual, whichever state it reports', () => {
    for (const wire of ['80 01 01 11 91', '80 01 01 00 80']) {
      const [frame] = heard(EIGHTY_PROFILE, open(1, 0).command, bytes(wire));
      expect(dialect.interpret(frame!, open(1, 0))).toEqual({ kind: 'reply', reply: { kind: 'open_ack' } });
    }
  });

  it('takes an unlock reply for another lock or board for a stray', () => {
    const other = { kind: 'lock' as const, header: 0x80, board: 1, lock: 2, state: 0x11 };
    expect(dialect.interpret(other, open(1, 0)).kind).toBe('stray');
    expect(dialect.interpret({ ...other, lock: 1, board: 2 }, open(1, 0)).kind).toBe('stray');
  });

  it('takes our own unlock echoed back (8A 01 01 11 9B) for a stray on a board that replies with 80', () => {
    const [echo] = heard(EIGHTY_PROFILE, open(1, 0).command, bytes('8A 01 01 11 9B'));
    expect(echo).toEqual({ kind: 'lock', header: 0x8a, board: 1, lock: 1, state: 0x11 });
    expect(dialect.interpret(echo!, open(1, 0)).kind).toBe('stray');
  });

  it('acks an open with an 8A reply on a board whose profile says so', () => {
    const profile = { ...EIGHTY_PROFILE, unlockReplyHeader: 0x8a };
    const [frame] = heard(profile, open(1, 0).command, bytes('8A 01 01 00 8A'));
    expect(eightyDialect(profile).interpret(frame!, open(1, 0)).kind).toBe('reply');
  });

  it('ignores any reply with nothing in flight, and a reply of the wrong kind', () => {
    const reply = { kind: 'lock' as const, header: 0x80, board: 1, lock: 1, state: 0x11 };
    expect(dialect.interpret(reply, null).kind).toBe('stray');
    expect(dialect.interpret(reply, status(1)).kind).toBe('stray');
    expect(dialect.interpret({ kind: 'board', board: 1, bits: 0 }, open(1, 0)).kind).toBe('stray');
    expect(dialect.interpret({ kind: 'query_board', board: 1 }, status(1)).kind).toBe('stray');
  });

  it('tells its decoder which reply to wait for, so an ambiguous board reply reads whole', () => {
    // The first five bytes of this board reply are also a valid one-lock reply (decoder tests).
    const wire = encodeEightyReply({ kind: 'board', board: 1, bits: 0x01008000 });
    expect(heard(EIGHTY_PROFILE, status(1).command, wire)).toEqual([
      { kind: 'board', board: 1, bits: 0x01008000 },
    ]);
    expect(heard(EIGHTY_PROFILE, open(1, 0).command, wire)[0]).toMatchObject({ kind: 'lock', lock: 1 });
  });
});
