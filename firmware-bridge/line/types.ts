/**
 * Messages of the "line" dialect: our own ASCII protocol for a bridge MCU (see PROTOCOL.md).
 * Channels are numbered from 0 on the wire and in code.
 */
export const LINE_PROTOCOL_VERSION = 1;

export type NakReason =
  | 'CRC' // the request line failed its CRC: nothing was executed
  | 'SYNTAX' // the line could not be parsed: nothing was executed
  | 'UNKNOWN' // unknown verb
  | 'RANGE' // board or channel out of range, pulse out of bounds
  | 'VERSION' // HELLO asked for a protocol version the board does not speak
  | 'BUSY' // the board cannot take a command now (retry after a status read)
  | 'COOLDOWN' // solenoid cooling down: the open was refused, not executed
  | 'REFUSED' // the board refuses opens (fault, tamper, disabled channel)
  | 'DUPLICATE'; // an open with this sequence number was already executed: not executed again

export interface ChannelState {
  locked: boolean;
  doorOpen: boolean;
  present: boolean;
}

export type LineCommand =
  | { verb: 'HELLO'; version: number }
  | { verb: 'PING' }
  | { verb: 'STATUS'; board: number }
  | { verb: 'OPEN'; board: number; channel: number; pulseMs: number };

export type LineVerb = LineCommand['verb'];

export interface LineRequest {
  seq: number; // 1..65535, chosen by the host, echoed in the reply
  command: LineCommand;
}

export type LineAck =
  | { verb: 'HELLO'; version: number; firmware: string; boards: number; channels: number }
  | { verb: 'PING' }
  | { verb: 'STATUS'; board: number; channels: ChannelState[] }
  | { verb: 'OPEN'; board: number; channel: number };

export type LineReply =
  | { seq: number; ok: true; ack: LineAck }
  | { seq: number; ok: false; verb: LineVerb | null; reason: NakReason };

export type LineEventBody =
  | { event: 'OPENED'; board: number; channel: number } // door sensor went open after a commanded open
  | { event: 'CLOSED'; board: number; channel: number }
  | { event: 'PRESENCE'; board: number; channel: number; present: boolean }
  | { event: 'UNCOMMANDED'; board: number; channel: number } // door opened with no open executed
  | { event: 'FAULT'; board: number; code: string };

export interface LineEvent {
  seq: number; // the board's own event counter, 1..65535, so the host can see a gap
  body: LineEventBody;
}

/** Any line on the wire, from either side. */
export type LineFrame =
  | { type: 'request'; request: LineRequest }
  | { type: 'reply'; reply: LineReply }
  | { type: 'event'; event: LineEvent };
