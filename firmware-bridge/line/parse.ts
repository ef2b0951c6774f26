import { crc16 } from '../crc16';
import type { LineParseError, LineParseReason } from './errors';
import {
  CRC_MARK,
  FAULT_CODE_PATTERN,
  FIRMWARE_PATTERN,
  hexValue,
  KIND_EVENT,
  KIND_REPLY,
  KIND_REQUEST,
  parseDecimal,
  parseHex4,
} from './grammar';
import { LINE_MAX_CHANNELS } from './limits';
import type {
  ChannelState,
  LineAck,
  LineCommand,
  LineEventBody,
  LineFrame,
  LineReply,
  LineVerb,
  NakReason,
} from './types';

const VERBS: ReadonlySet<string> = new Set<LineVerb>(['HELLO', 'PING', 'STATUS', 'OPEN']);
const NAK_REASONS: ReadonlySet<string> = new Set<NakReason>([
  'CRC',
  'SYNTAX',
  'UNKNOWN',
  'RANGE',
  'VERSION',
  'BUSY',
  'COOLDOWN',
  'REFUSED',
  'DUPLICATE',
]);

/** A grammar failure inside the parser, turned into a LineParseError at the top. */
class Malformed {
  constructor(readonly detail: string) {}
}

/**
 * One line (a trailing "\n" or "\r\n" allowed) -> the frame it carries, or why not. The CRC is
 * checked before the grammar, so a line damaged on the wire reads as 'checksum'.
 */
export function parseLine(line: Buffer | string): LineFrame | LineParseError {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'latin1') : line;
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  if (end < 7 || bytes[end - 5] !== CRC_MARK) return fail('malformed', 'no *CRC field at the end');
  let sent = 0;
  for (let i = end - 4; i < end; i++) {
    const nibble = hexValue(bytes[i]!);
    if (nibble < 0) return fail('malformed', 'CRC field is not 4 upper-case hex digits');
    sent = (sent << 4) | nibble;
  }
  const textEnd = end - 5;
  if (crc16(bytes, 0, textEnd) !== sent) return fail('checksum', 'CRC does not match');
  for (let i = 0; i < textEnd; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 || byte > 0x7e) return fail('malformed', 'byte outside printable ASCII');
  }
  const tokens = bytes.toString('latin1', 1, textEnd).split(' ');
  try {
    return frameOf(bytes[0]!, tokens);
  } catch (error) {
    if (error instanceof Malformed) return fail('malformed', error.detail);
    throw error;
  }
}

function frameOf(kind: number, tokens: string[]): LineFrame {
  const seq = parseDecimal(tokens[0]);
  if (seq < 0) throw new Malformed('bad sequence number');
  if (kind === KIND_REQUEST) {
    if (seq === 0) throw new Malformed('request sequence number 0');
    return { type: 'request', request: { seq, command: commandOf(tokens) } };
  }
  if (kind === KIND_REPLY) return { type: 'reply', reply: replyOf(seq, tokens) };
  if (kind === KIND_EVENT) {
    if (seq === 0) throw new Malformed('event sequence number 0');
    return { type: 'event', event: { seq, body: eventOf(tokens) } };
  }
  throw new Malformed('unknown line kind');
}

function commandOf(t: string[]): LineCommand {
  switch (t[1]) {
    case 'HELLO':
      arity(t, 3);
      return { verb: 'HELLO', version: dec(t[2]) };
    case 'PING':
      arity(t, 2);
      return { verb: 'PING' };
    case 'STATUS':
      arity(t, 3);
      return { verb: 'STATUS', board: dec(t[2]) };
    case 'OPEN':
      arity(t, 5);
      return { verb: 'OPEN', board: dec(t[2]), channel: dec(t[3]), pulseMs: dec(t[4]) };
    default:
      throw new Malformed('unknown request verb');
  }
}

function replyOf(seq: number, t: string[]): LineReply {
  if (t[1] === 'NAK') {
    arity(t, 4);
    const verb = t[2] === '-' ? null : t[2]!;
    if (verb !== null && !VERBS.has(verb)) throw new Malformed('unknown verb in NAK');
    if (!NAK_REASONS.has(t[3]!)) throw new Malformed('unknown NAK reason');
    return { seq, ok: false, verb: verb as LineVerb | null, reason: t[3] as NakReason };
  }
  if (t[1] !== 'ACK') throw new Malformed('reply is neither ACK nor NAK');
  if (seq === 0) throw new Malformed('ACK with sequence number 0');
  return { seq, ok: true, ack: ackOf(t) };
}

function ackOf(t: string[]): LineAck {
  switch (t[2]) {
    case 'HELLO':
      arity(t, 7);
      if (!FIRMWARE_PATTERN.test(t[4]!)) throw new Malformed('bad firmware identity');
      return { verb: 'HELLO', version: dec(t[3]), firmware: t[4]!, boards: dec(t[5]), channels: dec(t[6]) };
    case 'PING':
      arity(t, 3);
      return { verb: 'PING' };
    case 'STATUS':
      arity(t, 8);
      return { verb: 'STATUS', board: dec(t[3]), channels: channelsOf(t) };
    case 'OPEN':
      arity(t, 5);
      return { verb: 'OPEN', board: dec(t[3]), channel: dec(t[4]) };
    default:
      throw new Malformed('unknown verb in ACK');
  }
}

function channelsOf(t: string[]): ChannelState[] {
  const count = dec(t[4]);
  if (count < 1 || count > LINE_MAX_CHANNELS) throw new Malformed('channel count out of 1..16');
  const locked = hex(t[5]);
  const open = hex(t[6]);
  const present = hex(t[7]);
  if ((locked | open | present) >>> count !== 0) throw new Malformed('bit set beyond the channel count');
  const channels: ChannelState[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const bit = 1 << i;
    channels[i] = {
      locked: (locked & bit) !== 0,
      doorOpen: (open & bit) !== 0,
      present: (present & bit) !== 0,
    };
  }
  return channels;
}

function eventOf(t: string[]): LineEventBody {
  const event = t[1];
  switch (event) {
    case 'OPENED':
    case 'CLOSED':
    case 'UNCOMMANDED':
      arity(t, 4);
      return { event, board: dec(t[2]), channel: dec(t[3]) };
    case 'PRESENCE': {
      arity(t, 5);
      if (t[4] !== '0' && t[4] !== '1') throw new Malformed('presence flag is not 0 or 1');
      return { event, board: dec(t[2]), channel: dec(t[3]), present: t[4] === '1' };
    }
    case 'FAULT':
      arity(t, 4);
      if (!FAULT_CODE_PATTERN.test(t[3]!)) throw new Malformed('bad fault code');
      return { event, board: dec(t[2]), code: t[3]! };
    default:
      throw new Malformed('unknown event');
  }
}

function arity(tokens: string[], count: number): void {
  if (tokens.length !== count) throw new Malformed(`expected ${count - 1} fields after the sequence number`);
}

function dec(token: string | undefined): number {
  const value = parseDecimal(token);
  if (value < 0) throw new Malformed(`"${token}" is not a decimal 0..65535`);
  return value;
}

function hex(token: string | undefined): number {
  const value = parseHex4(token);
  if (value < 0) throw new Malformed(`"${token}" is not 4 upper-case hex digits`);
  return value;
}

function fail(reason: LineParseReason, detail: string): LineParseError {
  return { type: 'error', reason, detail };
}
