/**
 * Frames of the generic "8A/80" lock boards sold in many Chinese locker cabinets: 9600 baud 8N1,
 * boards addressed 1-64, locks numbered from 1, no sequence number, the last byte the XOR of all
 * earlier bytes. Requests are 5 bytes; so are the replies about one lock and the address reply;
 * the reply about a whole board is 8 bytes. Frames and meanings from the vendor manual as quoted
 * in DigitalPlatform/dp2 (WjlLockDriver.cs) and the shared reference hardware.md.
 *
 * - unlock one lock      `8A BB LL 11 X`   (LL 00 would open every lock: never encoded)
 * - query one lock       `80 BB LL 33 X` -> `80 BB LL SS X`, SS 00 or 11
 * - query a whole board  `80 BB 00 33 X` -> `80 BB [25-32] [17-24] [9-16] [1-8] 33 X`
 * - find the only board  `80 01 00 99 X` -> `80 01 BB 99 X`
 * - unlock reply         `80 BB LL SS X` (dp2's manual) or `8A BB LL SS X` (another source),
 *                        up to about 1 s after the command, once the lock has moved.
 */
export const EIGHTY_QUERY_HEADER = 0x80;
export const EIGHTY_UNLOCK_HEADER = 0x8a;

export const EightyCommand = {
  unlock: 0x11,
  query: 0x33,
  findAddress: 0x99,
} as const;

/** The two state bytes a one-lock reply carries; which one means "locked" is wiring (profile.ts). */
export const EIGHTY_STATE_LOW = 0x00;
export const EIGHTY_STATE_HIGH = 0x11;

export const EIGHTY_FIRST_BOARD = 1;
export const EIGHTY_LAST_BOARD = 64;
/** A whole-board reply carries 32 bits, so no board has more locks than that. */
export const EIGHTY_MAX_LOCKS = 32;

export const EIGHTY_SHORT_BYTES = 5;
export const EIGHTY_BOARD_REPLY_BYTES = 8;

export type EightyRequest =
  /** lock 0 only ever comes out of a decoder (a simulator must see it to refuse it). */
  | { kind: 'unlock'; board: number; lock: number }
  | { kind: 'query_lock'; board: number; lock: number }
  | { kind: 'query_board'; board: number }
  | { kind: 'find_address' };

export type EightyReply =
  /** About one lock: the answer to a one-lock query, or to an unlock (header 0x80 or 0x8A). */
  | { kind: 'lock'; header: number; board: number; lock: number; state: number }
  /** About every lock of a board: bit n of `bits` is lock n + 1, as the board sent it. */
  | { kind: 'board'; board: number; bits: number }
  | { kind: 'address'; board: number };

export type EightyFrame = EightyRequest | EightyReply;

/** What the host expects next, so the decoder can tell a board reply from a one-lock reply. */
export type EightyExpectation = 'board' | 'lock' | null;
