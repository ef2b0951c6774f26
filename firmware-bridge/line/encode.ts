import { crc16 } from '../crc16';
import { LineEncodeError } from './errors';
import { FAULT_CODE_PATTERN, FIRMWARE_PATTERN, hex4 } from './grammar';
import { LINE_MAX_BYTES, LINE_MAX_CHANNELS, LINE_MAX_NUMBER } from './limits';
import type { ChannelState, LineAck, LineCommand, LineEventBody, LineFrame, LineReply } from './types';

/** One line on the wire: the frame's text, '*', its CRC-16 in 4 upper-case hex digits, '\n'. */
export function encodeLine(frame: LineFrame): Buffer {
  const text = frameText(frame);
  if (text.length + 5 > LINE_MAX_BYTES) throw new LineEncodeError(`line longer than ${LINE_MAX_BYTES} bytes`);
  const out = Buffer.allocUnsafe(text.length + 6);
  out.write(text, 0, 'latin1');
  out.write(`*${hex4(crc16(out, 0, text.length))}\n`, text.length, 'latin1');
  return out;
}

function frameText(frame: LineFrame): string {
  switch (frame.type) {
    case 'request':
      return `>${num(frame.request.seq, 1)} ${commandText(frame.request.command)}`;
    case 'reply':
      return `<${num(frame.reply.seq, frame.reply.ok ? 1 : 0)} ${replyText(frame.reply)}`;
    case 'event':
      return `!${num(frame.event.seq, 1)} ${eventText(frame.event.body)}`;
  }
}

function commandText(command: LineCommand): string {
  switch (command.verb) {
    case 'HELLO':
      return `HELLO ${num(command.version)}`;
    case 'PING':
      return 'PING';
    case 'STATUS':
      return `STATUS ${num(command.board)}`;
    case 'OPEN':
      return `OPEN ${num(command.board)} ${num(command.channel)} ${num(command.pulseMs)}`;
  }
}

function replyText(reply: LineReply): string {
  if (!reply.ok) return `NAK ${reply.verb ?? '-'} ${reply.reason}`;
  return `ACK ${ackText(reply.ack)}`;
}

function ackText(ack: LineAck): string {
  switch (ack.verb) {
    case 'HELLO':
      if (!FIRMWARE_PATTERN.test(ack.firmware)) throw new LineEncodeError(`firmware "${ack.firmware}"`);
      return `HELLO ${num(ack.version)} ${ack.firmware} ${num(ack.boards)} ${num(ack.channels)}`;
    case 'PING':
      return 'PING';
    case 'STATUS':
      return `STATUS ${num(ack.board)} ${statusText(ack.channels)}`;
    case 'OPEN':
      return `OPEN ${num(ack.board)} ${num(ack.channel)}`;
  }
}

/** Channel count, then the lock, door and presence bitmaps (bit i is channel i). */
function statusText(channels: readonly ChannelState[]): string {
  const count = channels.length;
  if (count < 1 || count > LINE_MAX_CHANNELS) throw new LineEncodeError(`${count} channels in a status`);
  let locked = 0;
  let open = 0;
  let present = 0;
  for (let i = 0; i < count; i++) {
    const channel = channels[i]!;
    if (channel.locked) locked |= 1 << i;
    if (channel.doorOpen) open |= 1 << i;
    if (channel.present) present |= 1 << i;
  }
  return `${count} ${hex4(locked)} ${hex4(open)} ${hex4(present)}`;
}

function eventText(body: LineEventBody): string {
  switch (body.event) {
    case 'OPENED':
    case 'CLOSED':
    case 'UNCOMMANDED':
      return `${body.event} ${num(body.board)} ${num(body.channel)}`;
    case 'PRESENCE':
      return `PRESENCE ${num(body.board)} ${num(body.channel)} ${body.present ? 1 : 0}`;
    case 'FAULT':
      if (!FAULT_CODE_PATTERN.test(body.code)) throw new LineEncodeError(`fault code "${body.code}"`);
      return `FAULT ${num(body.board)} ${body.code}`;
  }
}

function num(value: number, min = 0): string {
  if (!Number.isInteger(value) || value < min || value > LINE_MAX_NUMBER) {
    throw new LineEncodeError(`number ${value} outside ${min}..${LINE_MAX_NUMBER}`);
  }
  return String(value);
}
