import { encodeKerongRequest, KerongDecoder, readKerongStatus } from '../kerong/codec';
import type { KerongProfile } from '../kerong/profile';
import { KerongCommand, type KerongReply, type KerongRequest } from '../kerong/types';
import type { Dialect, InFlight, Interpretation, LinkCommand } from './commands';

/**
 * Kerong CU16 boards: no sequence number, no CRC, no events. A reply is matched to the command
 * in flight by the board asked and the reply CMD bytes the profile accepts; door changes come
 * only from polling. An unlock gets no reply on most boards: the profile says so, and the open
 * is then judged by a status read after the settle window. Unlock-all is refused by the codec.
 */
export function kerongDialect(
  profile: KerongProfile,
  channels: number,
): Dialect<KerongRequest | KerongReply> {
  const statusReplies = new Set(profile.statusReplyCommands);
  const unlockReplies = new Set([...profile.statusReplyCommands, KerongCommand.unlockOne]);
  const unlockCmd = profile.replyCommand[KerongCommand.unlockOne];
  if (unlockCmd !== undefined) unlockReplies.add(unlockCmd);
  return {
    name: 'kerong',
    hasEvents: false,
    dedupesOpens: false,
    newDecoder: () => new KerongDecoder('replies', profile),
    encode: (command) => encodeKerongRequest(toKerong(command)),
    interpret: (frame, inFlight) =>
      interpret(frame, inFlight, statusReplies, unlockReplies, profile, channels),
    expectsReply: (command) => command.kind !== 'open' || profile.unlockReply === 'status',
    replyTimeoutMs: (command) =>
      command.kind === 'open' ? profile.replyTimeoutMs.unlock : profile.replyTimeoutMs.status,
    openSettleMs: profile.settleMs,
    busTiming: { minGapMs: profile.minGapMs, quietAfterTimeoutMs: profile.quietAfterTimeoutMs },
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
  statusReplies: ReadonlySet<number>,
  unlockReplies: ReadonlySet<number>,
  profile: KerongProfile,
  channels: number,
): Interpretation {
  if (!('data' in frame)) return { kind: 'stray', detail: 'a request on the bus (echo?)' };
  if (!inFlight) return { kind: 'stray', detail: `reply from board ${frame.board} with nothing in flight` };
  const command = inFlight.command;
  if (command.kind === 'status') {
    // kerong-lib checks the whole ADDR byte against `board << 4`: lock nibble 0.
    if (frame.board !== command.board || frame.lock !== 0 || !statusReplies.has(frame.command)) {
      return {
        kind: 'stray',
        detail: `reply 0x${hex(frame.command)} from ADDR 0x${hex((frame.board << 4) | frame.lock)} to a status read of board ${command.board}`,
      };
    }
    return statusReply(frame, profile, channels);
  }
  if (command.kind === 'open') {
    // A board that answers an unlock sends its status; the lock nibble is the lock or 0.
    const matches =
      frame.board === command.door.board &&
      (frame.lock === command.door.channel || frame.lock === 0) &&
      unlockReplies.has(frame.command);
    if (matches) return { kind: 'reply', reply: { kind: 'open_ack' } };
  }
  return { kind: 'stray', detail: `reply 0x${hex(frame.command)} from board ${frame.board}` };
}

function statusReply(frame: KerongReply, profile: KerongProfile, channels: number): Interpretation {
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

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
