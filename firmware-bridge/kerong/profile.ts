import { KerongCommand } from './types';

/**
 * What a particular Kerong CU16 (KU16, DS16) board says and how to read it. Public sources
 * disagree, so the disagreements live here as data rather than as branches in the codec:
 *
 * - Reply CMD byte. The vendor sheet as we have it (shared reference hardware.md) shows a status
 *   reply as `02 ADDR CMD ...` echoing the request's 0x30. A Java parcel-locker sample names the
 *   reply commands 0x35 ("return single CU data") and 0x36 ("return all CU data") and rejects a
 *   status reply with any other CMD; a Python KR-CU16 module lists the same 0x35/0x36/0x38 names
 *   but never checks the CMD it gets back.
 * - Answer to an unlock (0x31). The Python module reads a 9-byte status frame after an unlock
 *   (and sends 0x38 afterwards to clear a board stuck "busy"); a TypeScript Kerong module treats
 *   any reply of 9 bytes or more as a status frame and a 6-byte reply as one data byte (what it
 *   expects for 0x37/0x39). Nobody documents a short ACK for 0x31, so we take the 9-byte form.
 * - Data layout and polarity. All three read the data as hook bits for locks 1-8, hook bits for
 *   locks 9-16, infrared bits 1-8, infrared bits 9-16, bit 0 = lowest lock, 1 = hook engaged /
 *   item present. The reference notes boards that differ in order and polarity (a normally-closed
 *   hook switch reads 0 when engaged), hence every one of those choices is a field below.
 */
export interface KerongProfile {
  name: string;
  baud: number;
  /** Whole reply frame length, STX to SUM, by the CMD byte found in the reply; others are noise. */
  replyLength: Readonly<Record<number, number>>;
  /** The CMD byte this board writes in its reply to each request command. */
  replyCommand: Readonly<Record<number, number>>;
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

/** The board as the vendor sheet describes it: replies echo the request's CMD. */
export const CU16_PROFILE: KerongProfile = {
  name: 'cu16',
  baud: 19200,
  replyLength: {
    [KerongCommand.statusOne]: STATUS_FRAME,
    [KerongCommand.unlockOne]: STATUS_FRAME,
  },
  replyCommand: {
    [KerongCommand.statusOne]: KerongCommand.statusOne,
    [KerongCommand.unlockOne]: KerongCommand.unlockOne,
  },
  status: {
    hookBytes: [0, 1],
    infraredBytes: [2, 3],
    bitOrder: 'lsb-first',
    hookActiveHigh: true,
    infraredActiveHigh: true,
    hookMeansDoorClosed: true,
  },
};

/** Boards that answer status and unlock with the 0x35 "single CU data" frame. */
export const CU16_REPLY35_PROFILE: KerongProfile = {
  ...CU16_PROFILE,
  name: 'cu16-reply35',
  replyLength: { 53: STATUS_FRAME },
  replyCommand: { [KerongCommand.statusOne]: 0x35, [KerongCommand.unlockOne]: 0x35 },
};

/** Bytes of reply data (between CMD and ETX) for a reply CMD, or undefined when unknown. */
export function replyDataLength(profile: KerongProfile, replyCmd: number): number | undefined {
  const length = profile.replyLength[replyCmd];
  return length === undefined ? undefined : length - 5;
}
