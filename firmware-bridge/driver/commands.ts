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
  | { kind: 'nak'; reason: string }
  /** Only for a command sent with expectReply false: it went out and the board said nothing. */
  | { kind: 'sent' };

/** Half-duplex manners, whatever the dialect (shared reference hardware.md, "Half duplex"). */
export interface BusTiming {
  /** Silence left on the bus between the last byte heard or written and the next request. */
  minGapMs: number;
  /**
   * After a timeout, the bus must have been silent this long before the next request: a late
   * reply then arrives with nothing in flight and is dropped, never taken for the next command's.
   */
  quietAfterTimeoutMs: number;
}

export const NO_BUS_TIMING_FIELDS: Readonly<BusTiming> = Object.freeze({
  minGapMs: 0,
  quietAfterTimeoutMs: 0,
});

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
  readonly name: 'line' | 'kerong' | '8a' | 'modbus';
  /** The board reports door changes itself (events with a counter) and answers PING. */
  readonly hasEvents: boolean;
  /** The board refuses to execute twice an open resent with the same sequence number. */
  readonly dedupesOpens: boolean;
  newDecoder(): FrameDecoder<F>;
  encode(command: LinkCommand, seq: number): Uint8Array;
  interpret(frame: F, inFlight: InFlight | null): Interpretation;
  /**
   * false when the board may answer this command with nothing at all (a Kerong unlock on most
   * boards). Default: every command gets a reply.
   */
  expectsReply?(command: LinkCommand): boolean;
  /** This command's own reply timeout in ms, when the board profile sets one. */
  replyTimeoutMs?(command: LinkCommand): number | undefined;
  /**
   * How long after an open's frame went out the board's status can tell whether it ran: the
   * lock's pulse plus the door's spring time. The status read that judges an unacknowledged
   * open waits this long; default 0 (boards that acknowledge and refuse duplicates).
   */
  readonly openSettleMs?: number;
  /** Gap between frames and quiet wait after a timeout for this board family (command-queue.ts). */
  readonly busTiming?: Partial<BusTiming>;
}

/** The board a command addresses, or null for a bus-wide one (HELLO, PING). */
export function boardOf(command: LinkCommand): number | null {
  if (command.kind === 'status') return command.board;
  if (command.kind === 'open') return command.door.board;
  return null;
}

/** Nak reasons that mean the board did not execute for a reason a resend cannot fix. */
export const REFUSAL_REASONS = new Set(['COOLDOWN', 'REFUSED', 'RANGE', 'SYNTAX', 'UNKNOWN', 'VERSION']);
