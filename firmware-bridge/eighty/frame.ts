import {
  EIGHTY_BOARD_REPLY_BYTES,
  EIGHTY_FIRST_BOARD,
  EIGHTY_LAST_BOARD,
  EIGHTY_MAX_LOCKS,
  EIGHTY_QUERY_HEADER,
  EIGHTY_STATE_HIGH,
  EIGHTY_STATE_LOW,
  EIGHTY_UNLOCK_HEADER,
  EightyCommand,
  type EightyReply,
  type EightyRequest,
} from './types';

/** Thrown when asked to write a frame the board could not read, or one we never send. */
export class EightyEncodeError extends Error {
  readonly code = 'EIGHTY_ENCODE';
  constructor(detail: string) {
    super(`cannot encode 8A/80 frame: ${detail}`);
    this.name = 'EightyEncodeError';
  }
}

/** XOR of bytes[start, end). */
export function eightyXor(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/**
 * A request as the host writes it. An unlock of lock 0 opens every lock of the board: it is
 * refused here, so no caller can put it on the wire by mistake.
 */
export function encodeEightyRequest(request: EightyRequest): Buffer {
  switch (request.kind) {
    case 'unlock':
      if (request.lock === 0) throw new EightyEncodeError('lock 0 unlocks every lock of the board: refused');
      return short(EIGHTY_UNLOCK_HEADER, board(request.board), lock(request.lock), EightyCommand.unlock);
    case 'query_lock':
      return short(EIGHTY_QUERY_HEADER, board(request.board), lock(request.lock), EightyCommand.query);
    case 'query_board':
      return short(EIGHTY_QUERY_HEADER, board(request.board), 0x00, EightyCommand.query);
    case 'find_address':
      return short(EIGHTY_QUERY_HEADER, 0x01, 0x00, EightyCommand.findAddress);
  }
}

/** A reply as a board writes it (for simulators and tests). */
export function encodeEightyReply(reply: EightyReply): Buffer {
  switch (reply.kind) {
    case 'lock':
      if (reply.header !== EIGHTY_QUERY_HEADER && reply.header !== EIGHTY_UNLOCK_HEADER)
        throw new EightyEncodeError(`header 0x${hex(reply.header)} is not 80 or 8A`);
      if (reply.state !== EIGHTY_STATE_LOW && reply.state !== EIGHTY_STATE_HIGH)
        throw new EightyEncodeError(`state 0x${hex(reply.state)} is not 00 or 11`);
      return short(reply.header, board(reply.board), lock(reply.lock), reply.state);
    case 'address':
      return short(EIGHTY_QUERY_HEADER, 0x01, board(reply.board), EightyCommand.findAddress);
    case 'board': {
      if (!Number.isInteger(reply.bits) || reply.bits < 0 || reply.bits > 0xffffffff)
        throw new EightyEncodeError(`bits ${reply.bits} is not a 32-bit value`);
      const frame = Buffer.allocUnsafe(EIGHTY_BOARD_REPLY_BYTES);
      frame[0] = EIGHTY_QUERY_HEADER;
      frame[1] = board(reply.board);
      // Highest locks first: 25-32, 17-24, 9-16, 1-8.
      frame.writeUInt32BE(reply.bits >>> 0, 2);
      frame[6] = EightyCommand.query;
      frame[7] = eightyXor(frame, 0, 7);
      return frame;
    }
  }
}

function short(header: number, b1: number, b2: number, b3: number): Buffer {
  const frame = Buffer.from([header, b1, b2, b3, 0]);
  frame[4] = eightyXor(frame, 0, 4);
  return frame;
}

function board(value: number): number {
  if (!Number.isInteger(value) || value < EIGHTY_FIRST_BOARD || value > EIGHTY_LAST_BOARD)
    throw new EightyEncodeError(`board ${value} outside ${EIGHTY_FIRST_BOARD}..${EIGHTY_LAST_BOARD}`);
  return value;
}

function lock(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > EIGHTY_MAX_LOCKS)
    throw new EightyEncodeError(`lock ${value} outside 1..${EIGHTY_MAX_LOCKS}`);
  return value;
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
