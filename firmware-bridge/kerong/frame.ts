import type { KerongProfile } from './profile';
import { KERONG_ETX, KERONG_STX, KerongCommand, type KerongReply, type KerongRequest } from './types';

/** Thrown when asked to write a frame the board could not read (a program bug). */
export class KerongEncodeError extends Error {
  readonly code = 'KERONG_ENCODE';
  constructor(detail: string) {
    super(`cannot encode Kerong frame: ${detail}`);
    this.name = 'KerongEncodeError';
  }
}

/** Low byte of the sum of bytes[start, end). */
export function kerongSum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += bytes[i]!;
  return sum & 0xff;
}

/** Vendor notes number boards 0-9 (ten on a bus); 0xF0 is the broadcast address, never a board. */
export const KERONG_MAX_BOARD = 9;

/**
 * `02 ADDR CMD 03 SUM`, for a request this host may send. Refused here, whatever the caller:
 * unlock-all (0x33, a bulk open) and any board beyond 0-9 (board 15 would put 0xF0, the
 * broadcast address, in ADDR and reach every board on the bus). Status reads should carry lock 0: the 8-bit SUM misses two flips of the
 * same bit in opposite directions, and "status of lock 1" (`02 01 30 03 36`) differs from "unlock
 * lock 0" (`02 00 31 03 36`) by exactly such a pair. With lock 0 in ADDR, bit 0 of ADDR is clear
 * and no such pair turns a status read into an unlock.
 */
export function encodeKerongRequest(req: KerongRequest): Buffer {
  if (req.command === KerongCommand.unlockAll)
    throw new KerongEncodeError('unlock-all (0x33) is never sent: doors are opened one at a time');
  if (!Number.isInteger(req.board) || req.board < 0 || req.board > KERONG_MAX_BOARD)
    throw new KerongEncodeError(
      `board ${req.board} outside 0..${KERONG_MAX_BOARD} (0xF0 is the broadcast address)`,
    );
  const frame = Buffer.from([
    KERONG_STX,
    address(req.board, req.lock),
    byte(req.command, 'command'),
    KERONG_ETX,
    0,
  ]);
  frame[4] = kerongSum(frame, 0, 4);
  return frame;
}

/** `02 ADDR CMD data... 03 SUM`, the data length checked against the profile. */
export function encodeKerongReply(reply: KerongReply, profile: KerongProfile): Buffer {
  const length = profile.replyLength[reply.command];
  if (length === undefined)
    throw new KerongEncodeError(`profile ${profile.name} has no reply 0x${hex(reply.command)}`);
  if (reply.data.length !== length - 5) {
    throw new KerongEncodeError(
      `reply 0x${hex(reply.command)} carries ${length - 5} data bytes, not ${reply.data.length}`,
    );
  }
  const frame = Buffer.allocUnsafe(length);
  frame[0] = KERONG_STX;
  frame[1] = address(reply.board, reply.lock);
  frame[2] = reply.command;
  reply.data.copy(frame, 3);
  frame[length - 2] = KERONG_ETX;
  frame[length - 1] = kerongSum(frame, 0, length - 1);
  return frame;
}

function address(board: number, lock: number): number {
  return (nibble(board, 'board') << 4) | nibble(lock, 'lock');
}

function nibble(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 15)
    throw new KerongEncodeError(`${what} ${value} outside 0..15`);
  return value;
}

function byte(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 255)
    throw new KerongEncodeError(`${what} ${value} outside 0..255`);
  return value;
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
