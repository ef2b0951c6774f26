import { EightyDecoder, encodeEightyRequest, readEightyBoard } from '../eighty/codec';
import type { EightyProfile } from '../eighty/profile';
import type { EightyExpectation, EightyFrame, EightyRequest } from '../eighty/types';
import type { Dialect, InFlight, Interpretation, LinkCommand } from './commands';

/**
 * Generic 8A/80 lock boards: no sequence number, an 8-bit XOR, no events. A status read is the
 * whole-board query (`80 BB 00 33`), an open is the one-lock unlock (`8A BB LL 11`); the unlock
 * of every lock is not encodable. Board numbers are the boards' own addresses (1-64); a door's
 * channel c is lock c + 1.
 *
 * Door reading: the boards have one switch per lock, on its hook, and no presence sensor. The
 * hook engages only on a shut door, so a lock read as engaged is `locked` and shut, one read as
 * released is unlocked and `open`; `present` is null. Which bit value is "engaged" is wiring
 * (profile.boardBitLocked).
 *
 * The unlock reply (about 1 s later) answers the open whatever state it reports: the board
 * executed, and whether the door sprang is the status reads' business. A reply with the other
 * header than the profile's is taken for an echo of our own request and ignored.
 *
 * The decoder is told which reply the command in flight expects (a whole board or one lock), the
 * one ambiguity of the protocol (eighty/decoder.ts): encode() is called as the command goes on
 * the wire, so it sets the expectation of the decoder of the current connection.
 */
export function eightyDialect(profile: EightyProfile): Dialect<EightyFrame> {
  let decoder: EightyDecoder | null = null;
  return {
    name: '8a',
    hasEvents: false,
    dedupesOpens: false,
    newDecoder: () => {
      decoder = new EightyDecoder('replies');
      return decoder;
    },
    encode: (command) => {
      const request = toEighty(command);
      decoder?.expect(expectationOf(request));
      return encodeEightyRequest(request);
    },
    interpret: (frame, inFlight) => interpret(frame, inFlight, profile),
  };
}

function toEighty(command: LinkCommand): EightyRequest {
  switch (command.kind) {
    case 'status':
      return { kind: 'query_board', board: command.board };
    case 'open':
      return { kind: 'unlock', board: command.door.board, lock: command.door.channel + 1 };
    default:
      throw new Error(`8A/80 boards have no ${command.kind} command`);
  }
}

function expectationOf(request: EightyRequest): EightyExpectation {
  return request.kind === 'query_board' ? 'board' : 'lock';
}

function interpret(frame: EightyFrame, inFlight: InFlight | null, profile: EightyProfile): Interpretation {
  if (frame.kind !== 'lock' && frame.kind !== 'board' && frame.kind !== 'address')
    return { kind: 'stray', detail: 'a request on the bus (echo?)' };
  if (!inFlight) return { kind: 'stray', detail: `${frame.kind} reply with nothing in flight` };
  const command = inFlight.command;
  if (command.kind === 'status' && frame.kind === 'board') {
    if (frame.board !== command.board)
      return {
        kind: 'stray',
        detail: `board ${frame.board} answered a status read of board ${command.board}`,
      };
    const doors = readEightyBoard(frame.bits, profile).map((l) => ({
      locked: l.locked,
      open: l.open,
      present: null,
    }));
    return { kind: 'reply', reply: { kind: 'status', reading: { board: frame.board, doors } } };
  }
  if (command.kind === 'open' && frame.kind === 'lock') {
    if (frame.header !== profile.unlockReplyHeader)
      return { kind: 'stray', detail: `lock reply with header 0x${frame.header.toString(16)} (echo?)` };
    if (frame.board === command.door.board && frame.lock === command.door.channel + 1)
      return { kind: 'reply', reply: { kind: 'open_ack' } };
    return { kind: 'stray', detail: `unlock reply for board ${frame.board} lock ${frame.lock}` };
  }
  return { kind: 'stray', detail: `${frame.kind} reply to ${command.kind}` };
}
