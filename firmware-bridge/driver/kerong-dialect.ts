import { encodeKerongRequest, KerongDecoder, readKerongStatus } from '../kerong/codec';
import type { KerongProfile } from '../kerong/profile';
import { KerongCommand, type KerongReply, type KerongRequest } from '../kerong/types';
import type { Dialect, InFlight, Interpretation, LinkCommand } from './commands';

/**
 * Kerong CU16 boards: no sequence number, no CRC, no events. A reply is matched to the command
 * in flight by board, lock and reply command byte (from the board profile); door changes come
 * only from polling. The unlock-all command is deliberately not encodable here.
 */
export function kerongDialect(
  profile: KerongProfile,
  channels: number,
): Dialect<KerongRequest | KerongReply> {
  return {
    name: 'kerong',
    hasEvents: false,
    dedupesOpens: false,
    newDecoder: () => new KerongDecoder('replies', profile),
    encode: (command) => encodeKerongRequest(toKerong(command)),
    interpret: (frame, inFlight) => interpret(frame, inFlight, profile, channels),
  };
}

function toKerong(command: LinkCommand): KerongRequest {
  switch (command.kind) {
    case 'status':
      return { board: command.board, lock: 0, command: KerongCommand.statusOne };
    case 'open':
      return { board: command.door.board, lock: command.door.channel, command: KerongCommand.unlockOne };
    default:
      throw new Error(`Kerong boards have no ${command.kind} command`);
  }
}

function interpret(
  frame: KerongRequest | KerongReply,
  inFlight: InFlight | null,
  profile: KerongProfile,
  channels: number,
): Interpretation {
  if (!('data' in frame)) return { kind: 'stray', detail: 'a request on the bus (echo?)' };
  if (!inFlight) return { kind: 'stray', detail: `reply from board ${frame.board} with nothing in flight` };
  const command = inFlight.command;
  if (command.kind === 'status') {
    if (frame.board !== command.board || frame.command !== profile.replyCommand[KerongCommand.statusOne]) {
      return { kind: 'stray', detail: `reply ${frame.command} from board ${frame.board} to a status read` };
    }
    let states: ReturnType<typeof readKerongStatus>;
    try {
      states = readKerongStatus(frame, profile);
    } catch (error) {
      return { kind: 'stray', detail: (error as Error).message };
    }
    const doors = states
      .slice(0, channels)
      .map((c) => ({ locked: c.locked, open: c.doorOpen, present: c.present }));
    return { kind: 'reply', reply: { kind: 'status', reading: { board: frame.board, doors } } };
  }
  if (command.kind === 'open') {
    const matches =
      frame.board === command.door.board &&
      frame.lock === command.door.channel &&
      frame.command === profile.replyCommand[KerongCommand.unlockOne];
    if (matches) return { kind: 'reply', reply: { kind: 'open_ack' } };
  }
  return { kind: 'stray', detail: `reply ${frame.command} from board ${frame.board}` };
}
