import { KerongCommand } from './types';

/**
 * What a particular Kerong CU16 (KU16, DS16) board says and how to read it. Public sources
 * disagree, so the disagreements live here as data rather than as branches in the codec
 * (shared reference hardware.md lists them):
 *
 * - Status reply CMD byte. suryavirkapur/kerong-lib (src/kerong_client.cpp, the one public
 *   driver that checks it) requires 0x35 and the board's own address (`board << 4`); other code
 *   echoes the request's 0x30. The default accepts both, always from the board asked.
 * - Answer to an unlock (0x31). kerong-lib's README ("Unlock 0x31 -> response: none") and
 *   julio-alv/lkaas-kerong (src/kerong/board.rs, `open` writes and reads nothing) expect no
 *   reply; other code reads a 9-byte status frame. The default expects none and judges the
 *   open by a status read after the settle window; a status frame that does come is taken.
 * - Hook polarity. kerong-lib reads a hook bit 0 as locked; lkaas-kerong (src/kerong/status.rs)
 *   reads 1 as closed. It follows the lock switch's wiring, so it is configuration, and the
 *   commissioning probe (commission.ts) says which one a bank has. Infrared 1 = item present
 *   in every source; bit 0 is the lowest lock in every source.
 */
export interface KerongProfile {
  name: string;
  baud: number;
  /** Whole reply frame length, STX to SUM, by the CMD byte found in the reply; others are noise. */
  replyLength: Readonly<Record<number, number>>;
  /** The CMD byte this board writes in its reply to each request command (what a simulator sends). */
  replyCommand: Readonly<Record<number, number>>;
  /** CMD bytes taken as a status reply, from the board asked and no other. */
  statusReplyCommands: readonly number[];
  /** What follows an unlock: nothing (judged by a later status read) or a status frame. */
  unlockReply: 'none' | 'status';
  /**
   * From an unlock on the wire to a status read that can judge it: the pulse set on the board
   * (about 500 ms for electromagnetic locks, 1000 ms for servo locks) plus the door's spring
   * time. Vendor notes say "reaction < 1 s".
   */
  settleMs: number;
  /** Reply timeouts per command (ms); unset ones follow the baud rate (reply-timeout.ts). */
  replyTimeoutMs: { readonly status?: number; readonly unlock?: number };
  /** Silence left between frames on the bus. */
  minGapMs: number;
  /** After a timeout, silence required before the next request (a late reply is then dropped). */
  quietAfterTimeoutMs: number;
  status: KerongStatusLayout;
}

export interface KerongStatusLayout {
  /** Offsets in the reply data of the hook bytes for locks 1-8 and 9-16. */
  hookBytes: readonly [number, number];
  /** Offsets in the reply data of the infrared (presence) bytes for locks 1-8 and 9-16. */
  infraredBytes: readonly [number, number];
  /** lsb-first: bit 0 is the lowest lock of the byte; msb-first: bit 7 is. */
  bitOrder: 'lsb-first' | 'msb-first';
  /** true: a set hook bit means the hook is engaged (locked). */
  hookActiveHigh: boolean;
  /** true: a set infrared bit means something is in the locker. */
  infraredActiveHigh: boolean;
  /**
   * true: the hook only engages on a shut door, so "hook engaged" also means "door closed" and a
   * released hook reads as an open door. false: the board has no door information at all and
   * doorOpen reads false.
   */
  hookMeansDoorClosed: boolean;
}

const STATUS_FRAME = 9; // 02 ADDR CMD hook1-8 hook9-16 ir1-8 ir9-16 03 SUM
const REPLY_35 = 0x35; // "single CU data", kerong-lib's RESP_STATE

/**
 * The safe default for a board not yet commissioned: a status reply with either CMD byte, no
 * reply expected to an unlock (a status frame that comes anyway is taken), a 1 s settle
 * window. Hook polarity as lkaas-kerong reads it (1 = engaged); the probe says if it is not.
 */
export const CU16_PROFILE: KerongProfile = {
  name: 'cu16',
  baud: 19200,
  replyLength: {
    [KerongCommand.statusOne]: STATUS_FRAME,
    [KerongCommand.unlockOne]: STATUS_FRAME,
    [REPLY_35]: STATUS_FRAME,
  },
  replyCommand: {
    [KerongCommand.statusOne]: KerongCommand.statusOne,
    [KerongCommand.unlockOne]: KerongCommand.unlockOne,
  },
  statusReplyCommands: [KerongCommand.statusOne, REPLY_35],
  unlockReply: 'none',
  settleMs: 1000,
  replyTimeoutMs: {},
  // Two characters at 19200 baud (1 ms): a board that holds its driver on a character after
  // its reply is not talked over. The host hears the reply only after the adapter's latency
  // timer anyway, so this rarely delays anything.
  minGapMs: 1,
  // A late 9-byte reply (4.7 ms at 19200) plus an FTDI adapter's 16 ms batching, with room.
  quietAfterTimeoutMs: 50,
  status: {
    hookBytes: [0, 1],
    infraredBytes: [2, 3],
    bitOrder: 'lsb-first',
    hookActiveHigh: true,
    infraredActiveHigh: true,
    hookMeansDoorClosed: true,
  },
};

/** Boards as suryavirkapur/kerong-lib drives them: 0x35 status replies, 0 = locked, no unlock reply. */
export const CU16_REPLY35_PROFILE: KerongProfile = {
  ...CU16_PROFILE,
  name: 'cu16-reply35',
  replyLength: { [REPLY_35]: STATUS_FRAME },
  replyCommand: { [KerongCommand.statusOne]: REPLY_35, [KerongCommand.unlockOne]: REPLY_35 },
  statusReplyCommands: [REPLY_35],
  status: { ...CU16_PROFILE.status, hookActiveHigh: false },
};

/** Boards that answer an unlock with a 9-byte status frame (some vendor sample code reads one). */
export const CU16_UNLOCK_STATUS_PROFILE: KerongProfile = {
  ...CU16_PROFILE,
  name: 'cu16-unlock-status',
  unlockReply: 'status',
};

export const KERONG_PROFILES: Readonly<Record<string, KerongProfile>> = Object.freeze({
  cu16: CU16_PROFILE,
  'cu16-reply35': CU16_REPLY35_PROFILE,
  'cu16-unlock-status': CU16_UNLOCK_STATUS_PROFILE,
});

/** Bytes of reply data (between CMD and ETX) for a reply CMD, or undefined when unknown. */
export function replyDataLength(profile: KerongProfile, replyCmd: number): number | undefined {
  const length = profile.replyLength[replyCmd];
  return length === undefined ? undefined : length - 5;
}
