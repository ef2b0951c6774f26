/**
 * The public face of one locker bus (one serial port or gateway, many boards), the same for
 * every dialect and transport. Services above talk only to this.
 */
export interface DoorAddress {
  board: number;
  channel: number; // 0-based
}

/** A debounced reading of one door. `present` is null where the board has no presence sensor. */
export interface DoorReading {
  locked: boolean;
  open: boolean;
  present: boolean | null;
}

export interface BoardReading {
  board: number;
  doors: DoorReading[];
}

/**
 * How an open ended. Each kind is a different truth about the door:
 * - opened: the door was seen open after our command;
 * - already_open: it read open before the command (the lock was fired anyway: a cut sensor
 *   cable also reads open);
 * - jammed: the board executed the open but no open was seen within the window;
 * - refused: the board said no (cooldown, fault, disabled); it did not execute, nothing retried;
 * - link_down: no answer from the board. `maybeExecuted` is true when an open may have reached it,
 *   which the ledger must treat as unknown (needs inspection), never as "not opened".
 */
export type OpenOutcome =
  | { kind: 'opened'; ackMs: number; seenOpenMs: number }
  | { kind: 'already_open'; ackMs: number }
  | { kind: 'jammed'; ackMs: number | null }
  | { kind: 'refused'; reason: string }
  | { kind: 'link_down'; maybeExecuted: boolean; detail: string };

export type OpenOutcomeKind = OpenOutcome['kind'];

export type LinkState = 'connecting' | 'ready' | 'down' | 'stopped';

export type LinkEvent =
  | { type: 'door'; door: DoorAddress; open: boolean; commanded: boolean }
  | { type: 'presence'; door: DoorAddress; present: boolean }
  | { type: 'uncommanded_open'; door: DoorAddress }
  | { type: 'fault'; board: number; code: string }
  | { type: 'link'; state: LinkState; reason?: string }
  /** One board stopped answering (or answered again); the link and its other boards carry on. */
  | { type: 'board'; board: number; state: 'offline' | 'online' };

/** Counters a technician (and the soak test) reads to judge the link's health. */
export interface LinkStats {
  commandsSent: number;
  replies: number;
  timeouts: number;
  discardedBytes: number;
  reconnects: number;
  opensSent: number; // open frames put on the wire, first attempts and retries
  openRetries: number; // open frames resent for one open() call, each after a status read
  echoBytes: number; // our own bytes sent back by the adapter or gateway, dropped
}

export interface LockerLink {
  readonly state: LinkState;
  start(): Promise<void>; // resolves once ready for the first time, or rejects on bad config
  stop(): Promise<void>;
  open(door: DoorAddress, options?: { pulseMs?: number }): Promise<OpenOutcome>;
  /** Fresh reading of one board from the wire (not the cache). Rejects with LinkError. */
  readBoard(board: number): Promise<BoardReading>;
  /** Last debounced readings of every known door, without touching the wire. */
  snapshot(): BoardReading[];
  stats(): LinkStats;
  on(event: 'event', listener: (event: LinkEvent) => void): this;
  off(event: 'event', listener: (event: LinkEvent) => void): this;
}

export type LinkErrorCode = 'timeout' | 'link_down' | 'nak' | 'stopped' | 'bad_config';

export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}
