import { encodeLine } from '../line/codec';
import { LineDecoder } from '../line/decoder';
import {
  type ChannelState,
  LINE_PROTOCOL_VERSION,
  type LineCommand,
  type LineEventBody,
  type LineFrame,
  type LineReply,
} from '../line/types';
import type { BoardEvent, CommandReply, Dialect, InFlight, Interpretation, LinkCommand } from './commands';
import type { DoorReading } from './types';

/**
 * The line dialect (PROTOCOL.md): ASCII lines with a CRC-16, a sequence number echoed in every
 * reply, boards that report door changes as numbered events and refuse to run an open twice.
 */
export function lineDialect(): Dialect<LineFrame> {
  return {
    name: 'line',
    hasEvents: true,
    dedupesOpens: true,
    newDecoder: () => new LineDecoder(),
    encode: (command, seq) => encodeLine({ type: 'request', request: { seq, command: toLine(command) } }),
    interpret,
  };
}

function toLine(command: LinkCommand): LineCommand {
  switch (command.kind) {
    case 'hello':
      return { verb: 'HELLO', version: LINE_PROTOCOL_VERSION };
    case 'ping':
      return { verb: 'PING' };
    case 'status':
      return { verb: 'STATUS', board: command.board };
    case 'open':
      return {
        verb: 'OPEN',
        board: command.door.board,
        channel: command.door.channel,
        pulseMs: command.pulseMs,
      };
  }
}

const VERB = { hello: 'HELLO', ping: 'PING', status: 'STATUS', open: 'OPEN' } as const;

function interpret(frame: LineFrame, inFlight: InFlight | null): Interpretation {
  if (frame.type === 'event')
    return { kind: 'event', seq: frame.event.seq, event: fromEvent(frame.event.body) };
  if (frame.type === 'request') return { kind: 'stray', detail: 'a request on the bus (echo?)' };
  const reply = frame.reply;
  if (!inFlight) return { kind: 'stray', detail: `reply #${reply.seq} with nothing in flight` };
  // A NAK with seq 0 answers a request whose own seq could not be read (CRC, SYNTAX): ours.
  const unnumberedNak = !reply.ok && reply.seq === 0;
  if (reply.seq !== inFlight.seq && !unnumberedNak) {
    return { kind: 'stray', detail: `reply #${reply.seq} while #${inFlight.seq} is in flight` };
  }
  const verb = VERB[inFlight.command.kind];
  if (!reply.ok) {
    if (reply.verb !== null && reply.verb !== verb) return { kind: 'stray', detail: `NAK for ${reply.verb}` };
    return { kind: 'reply', reply: { kind: 'nak', reason: reply.reason } };
  }
  const answer = fromAck(reply, inFlight.command);
  return answer
    ? { kind: 'reply', reply: answer }
    : { kind: 'stray', detail: `ACK ${reply.ack.verb} for ${verb}` };
}

function fromAck(reply: LineReply & { ok: true }, command: LinkCommand): CommandReply | null {
  const ack = reply.ack;
  if (ack.verb === 'HELLO' && command.kind === 'hello') {
    return {
      kind: 'hello',
      version: ack.version,
      firmware: ack.firmware,
      boards: ack.boards,
      channels: ack.channels,
    };
  }
  if (ack.verb === 'PING' && command.kind === 'ping') return { kind: 'pong' };
  if (ack.verb === 'STATUS' && command.kind === 'status' && ack.board === command.board) {
    return { kind: 'status', reading: { board: ack.board, doors: ack.channels.map(toReading) } };
  }
  if (
    ack.verb === 'OPEN' &&
    command.kind === 'open' &&
    ack.board === command.door.board &&
    ack.channel === command.door.channel
  ) {
    return { kind: 'open_ack' };
  }
  return null;
}

function toReading(channel: ChannelState): DoorReading {
  return { locked: channel.locked, open: channel.doorOpen, present: channel.present };
}

function fromEvent(body: LineEventBody): BoardEvent {
  switch (body.event) {
    case 'OPENED':
      return {
        kind: 'door',
        door: { board: body.board, channel: body.channel },
        open: true,
        uncommanded: false,
      };
    case 'UNCOMMANDED':
      return {
        kind: 'door',
        door: { board: body.board, channel: body.channel },
        open: true,
        uncommanded: true,
      };
    case 'CLOSED':
      return {
        kind: 'door',
        door: { board: body.board, channel: body.channel },
        open: false,
        uncommanded: false,
      };
    case 'PRESENCE':
      return { kind: 'presence', door: { board: body.board, channel: body.channel }, present: body.present };
    case 'FAULT':
      return { kind: 'fault', board: body.board, code: body.code };
  }
}
