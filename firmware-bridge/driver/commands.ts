import type { FrameDecoder } from '../codec';
import type { BoardReading, DoorAddress } from './types';

/** What the link asks of a bus, whatever the dialect. There is deliberately no "open all". */
export type LinkCommand =
  | { kind: 'hello' }
  | { kind: 'ping' }
  | { kind: 'status'; board: number }
  | { kind: 'open'; door: DoorAddress; pulseMs: number };

/** A board's answer to the command in flight, in dialect-neutral terms. */
export type CommandReply =
  | { kind: 'hello'; version: number; firmware: string; boards: number; channels: number }
  | { kind: 'pong' }
  | { kind: 'status'; reading: BoardReading }
  | { kind: 'open_ack' }
  | { kind: 'nak'; reason: string };

/** Something a board said on its own (line dialect), carrying the board's event counter. */
export type BoardEvent =
  | { kind: 'door'; door: DoorAddress; open: boolean; uncommanded: boolean }
  | { kind: 'presence'; door: DoorAddress; present: boolean }
  | { kind: 'fault'; board: number; code: string };

export interface InFlight {
  command: LinkCommand;
  seq: number;
}

export type Interpretation =
  | { kind: 'reply'; reply: CommandReply }
  | { kind: 'event'; seq: number; event: BoardEvent }
  /** A frame that answers nothing in flight: a late or duplicated reply, an echo. Ignored. */
  | { kind: 'stray'; detail: string };

/**
 * What the link needs from a wire dialect: encode a command, build a fresh decoder, and say
 * what a decoded frame means given the command in flight. Everything else (queue, open state
 * machine, debounce, reconnect) is shared.
 */
export interface Dialect<F> {
  readonly name: 'line' | 'kerong' | 'eighty' | 'modbus';
  /** The board reports door changes itself (events with a counter) and answers PING. */
  readonly hasEvents: boolean;
  /** The board refuses to execute twice an open resent with the same sequence number. */
  readonly dedupesOpens: boolean;
  newDecoder(): FrameDecoder<F>;
  encode(command: LinkCommand, seq: number): Uint8Array;
  interpret(frame: F, inFlight: InFlight | null): Interpretation;
}

/** Nak reasons that mean the board did not execute for a reason a resend cannot fix. */
export const REFUSAL_REASONS = new Set(['COOLDOWN', 'REFUSED', 'RANGE', 'SYNTAX', 'UNKNOWN', 'VERSION']);
