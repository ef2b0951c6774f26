import type { Bank } from './bank';
import type { Scheduler } from './clock';
import type { Knobs } from './knobs';
import type { OpenAudit } from './open-audit';

/**
 * The firmware side of one bus: it takes the host's bytes as they arrive at the board and
 * answers through `send`. One responder per dialect; the bus puts the wire and faults around it.
 */
export interface Outgoing {
  /** Replies answer a request (faults shape them); events are the board speaking first. */
  kind: 'reply' | 'event';
  bytes: Buffer;
  /** Human-readable form for the console: the line's text, or hex for the binary dialects. */
  text: string;
  /** It answers an unlock: a bus with silent unlocks never sends it. */
  unlock?: boolean;
}

/** What the board made of bytes from the host: a frame, or bytes it threw away and why. */
export interface Received {
  bytes: Buffer;
  text: string;
  accepted: boolean;
  reason?: string;
}

export interface ResponderHooks {
  send(out: Outgoing): void;
  received(what: Received): void;
  /** Something a technician must notice (a bulk open). */
  warn(message: string): void;
}

/** What every board responder works with. */
export interface BoardContext {
  bank: Bank;
  hooks: ResponderHooks;
  audit: OpenAudit;
  knobs: Knobs;
  scheduler: Scheduler;
}

export interface Responder {
  receive(bytes: Buffer): void;
  /** A new host connection: drop any partial frame. The board's memory (seqs, doors) stays. */
  reset(): void;
  /** Stop listening to the bank. */
  dispose(): void;
}

/** Line text for the console: printable, without the trailing newline. */
export function lineText(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/\r?\n$/, '');
}

/** Tells the bus's hooks that a board threw bytes away, and why (the console shows it). */
export function reportDiscard(ctx: BoardContext, bytes: Buffer, reason: string): void {
  ctx.hooks.received({ bytes, text: hexText(bytes), accepted: false, reason });
}

export function hexText(bytes: Buffer): string {
  return bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ');
}
