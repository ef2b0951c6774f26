import { crc16 } from '../crc16';
import { FieldCursor, Malformed, spelled, word } from './cursor';
import type { LineParseError, LineParseReason } from './errors';
import {
  CRC_MARK,
  FAULT_CODE_PATTERN,
  FIRMWARE_PATTERN,
  hexValue,
  KIND_EVENT,
  KIND_REPLY,
  KIND_REQUEST,
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

const HELLO = word('HELLO');
const PING = word('PING');
const STATUS = word('STATUS');
const OPEN = word('OPEN');
const ACK = word('ACK');
const NAK = word('NAK');
const OPENED = word('OPENED');
const CLOSED = word('CLOSED');
const UNCOMMANDED = word('UNCOMMANDED');
const PRESENCE = word('PRESENCE');
const FAULT = word('FAULT');

const DASH = 0x2d;
const ZERO = 0x30;
const ONE = 0x31;
const VERBS = spelled<LineVerb>(['OPEN', 'STATUS', 'PING', 'HELLO']);
const NAK_REASONS = spelled<NakReason>([
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

/**
 * One line (a trailing "\n" or "\r\n" allowed) -> the frame it carries, or why not. The CRC is
 * checked before the grammar, so a line damaged on the wire reads as 'checksum'.
 */
export function parseLine(line: Buffer | string): LineFrame | LineParseError {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'latin1') : line;
  return parseLineAt(bytes, 0, bytes.length);
}

/** parseLine over bytes[from, to), for the decoder, which reads lines in place. */
export function parseLineAt(bytes: Buffer, from: number, to: number): LineFrame | LineParseError {
  let end = to;
  if (end > from && bytes[end - 1] === 0x0a) end--;
  if (end > from && bytes[end - 1] === 0x0d) end--;
  if (end - from < 7 || bytes[end - 5] !== CRC_MARK) return fail('malformed', 'no *CRC field at the end');
  let sent = 0;
  for (let i = end - 4; i < end; i++) {
    const nibble = hexValue(bytes[i]!);
    if (nibble < 0) return fail('malformed', 'CRC field is not 4 upper-case hex digits');
    sent = (sent << 4) | nibble;
  }
  const textEnd = end - 5;
  if (crc16(bytes, from, textEnd) !== sent) return fail('checksum', 'CRC does not match');
  for (let i = from; i < textEnd; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 || byte > 0x7e) return fail('malformed', 'byte outside printable ASCII');
  }
  try {
    return frameOf(bytes[from]!, new FieldCursor(bytes, from + 1, textEnd));
  } catch (error) {
    if (error instanceof Malformed) return fail('malformed', error.detail);
    throw error;
  }
}

function frameOf(kind: number, c: FieldCursor): LineFrame {
  const seq = c.next().decimal();
  if (kind === KIND_REQUEST) {
    if (seq === 0) throw new Malformed('request sequence number 0');
    return { type: 'request', request: { seq, command: commandOf(c) } };
  }
  if (kind === KIND_REPLY) return { type: 'reply', reply: replyOf(seq, c) };
  if (kind === KIND_EVENT) {
    if (seq === 0) throw new Malformed('event sequence number 0');
    return { type: 'event', event: { seq, body: eventOf(c) } };
  }
  throw new Malformed('unknown line kind');
}

function commandOf(c: FieldCursor): LineCommand {
  let command: LineCommand;
  if (c.next().is(OPEN)) {
    command = {
      verb: 'OPEN',
      board: c.next().decimal(),
      channel: c.next().decimal(),
      pulseMs: c.next().decimal(),
    };
  } else if (c.is(STATUS)) command = { verb: 'STATUS', board: c.next().decimal() };
  else if (c.is(PING)) command = { verb: 'PING' };
  else if (c.is(HELLO)) command = { verb: 'HELLO', version: c.next().decimal() };
  else throw new Malformed('unknown request verb');
  c.done();
  return command;
}

function replyOf(seq: number, c: FieldCursor): LineReply {
  if (c.next().is(NAK)) {
    const verb = c.next().isByte(DASH) ? null : c.pick(VERBS);
    if (verb === null && !c.isByte(DASH)) throw new Malformed('unknown verb in NAK');
    const reason = c.next().pick(NAK_REASONS);
    if (reason === null) throw new Malformed('unknown NAK reason');
    c.done();
    return { seq, ok: false, verb, reason };
  }
  if (!c.is(ACK)) throw new Malformed('reply is neither ACK nor NAK');
  if (seq === 0) throw new Malformed('ACK with sequence number 0');
  const ack = ackOf(c);
  c.done();
  return { seq, ok: true, ack };
}

function ackOf(c: FieldCursor): LineAck {
  if (c.next().is(OPEN)) return { verb: 'OPEN', board: c.next().decimal(), channel: c.next().decimal() };
  if (c.is(STATUS)) return { verb: 'STATUS', board: c.next().decimal(), channels: channelsOf(c) };
  if (c.is(PING)) return { verb: 'PING' };
  if (!c.is(HELLO)) throw new Malformed('unknown verb in ACK');
  const version = c.next().decimal();
  const firmware = c.next().text();
  if (!FIRMWARE_PATTERN.test(firmware)) throw new Malformed('bad firmware identity');
  return { verb: 'HELLO', version, firmware, boards: c.next().decimal(), channels: c.next().decimal() };
}

function channelsOf(c: FieldCursor): ChannelState[] {
  const count = c.next().decimal();
  if (count < 1 || count > LINE_MAX_CHANNELS) throw new Malformed('channel count out of 1..16');
  const locked = c.next().hex4();
  const open = c.next().hex4();
  const present = c.next().hex4();
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

function eventOf(c: FieldCursor): LineEventBody {
  let body: LineEventBody;
  if (c.next().is(OPENED)) body = { event: 'OPENED', board: c.next().decimal(), channel: c.next().decimal() };
  else if (c.is(CLOSED)) body = { event: 'CLOSED', board: c.next().decimal(), channel: c.next().decimal() };
  else if (c.is(UNCOMMANDED))
    body = { event: 'UNCOMMANDED', board: c.next().decimal(), channel: c.next().decimal() };
  else if (c.is(PRESENCE)) {
    const board = c.next().decimal();
    const channel = c.next().decimal();
    const present = c.next().isByte(ONE);
    if (!present && !c.isByte(ZERO)) throw new Malformed('presence flag is not 0 or 1');
    body = { event: 'PRESENCE', board, channel, present };
  } else if (c.is(FAULT)) {
    const board = c.next().decimal();
    const code = c.next().text();
    if (!FAULT_CODE_PATTERN.test(code)) throw new Malformed('bad fault code');
    body = { event: 'FAULT', board, code };
  } else throw new Malformed('unknown event');
  c.done();
  return body;
}

function fail(reason: LineParseReason, detail: string): LineParseError {
  return { type: 'error', reason, detail };
}
