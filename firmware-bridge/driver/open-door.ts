import { type Answered, CommandFailure } from './command-queue';
import { REFUSAL_REASONS } from './commands';
import type { LinkOptions } from './options';
import type { BoardReading, DoorAddress, DoorReading, LinkStats, OpenOutcome } from './types';

/** What the open state machine needs from the link around it. */
export interface OpenBus {
  /** The board refuses a resent open with the same sequence number (line dialect). */
  readonly dedupesOpens: boolean;
  /**
   * From an open's frame on the wire to a status read that can judge it: the lock's pulse plus
   * the door's spring time (Kerong profiles: about 1 s). 0 where boards acknowledge.
   */
  readonly settleMs: number;
  now(): number;
  /** Resolves after ms on the link's clock. */
  sleep(ms: number): Promise<void>;
  nextSeq(): number;
  sendOpen(door: DoorAddress, pulseMs: number, seq: number): Promise<Answered>;
  /** A fresh status read serving this open (jumps ahead of polling). */
  readStatus(board: number): Promise<BoardReading>;
  /** The debounced reading, as known before the command. */
  doorReading(door: DoorAddress): DoorReading | null;
  /**
   * Watch the door after the board executed: now() when seen open, null when not
   * seen open within the window, 'link_lost' when the link was down at the end of it.
   */
  watchOpen(door: DoorAddress, windowMs: number): Promise<number | null | 'link_lost'>;
  /**
   * From now until `settle()`, a door opening here is ours (not an uncommanded open); after it,
   * for a jam window from when the board executed.
   */
  claim(door: DoorAddress): { settle(ackedAt: number | null): void };
}

type Options = Pick<LinkOptions, 'openRetries' | 'statusReadAttempts' | 'jamWindowMs'>;

/**
 * One door open, as the field demands:
 * - a board that answers an unlock with nothing (most Kerong CU16 boards) is judged by a status
 *   read once the pulse and the door's spring time have passed (settleMs from the frame going
 *   out), never sooner: read earlier, the lock still shows engaged and the open would be resent
 *   to a door that is about to spring open;
 * - fire even when the door reads open (a cut sensor cable reads open): outcome already_open;
 * - never resend blindly: after a timeout or a garbled reply, read the board first. Open ->
 *   opened (already_open if it read open before the command), never resent; locked and closed ->
 *   resend (line: the same seq, so a board that did execute answers NAK DUPLICATE); unlocked but
 *   closed -> it executed, watch; no answer -> link_down, maybe executed;
 * - a hardware refusal is final, never retried;
 * - after the board executed, watch for the door to open within the jam window.
 */
export async function openDoor(
  bus: OpenBus,
  door: DoorAddress,
  pulseMs: number,
  options: Options,
  stats: LinkStats,
): Promise<OpenOutcome> {
  const startedAt = bus.now();
  // A board that cannot refuse a duplicate is resent an open at most once, and only after a
  // status read showed the lock still engaged and the door shut.
  const resends = bus.dedupesOpens ? options.openRetries : Math.min(1, options.openRetries);
  const wasOpen = bus.doorReading(door)?.open === true;
  const seq = bus.nextSeq();
  const claim = bus.claim(door);
  let firstWrittenAt: number | null = null;
  let anyWritten = false;

  const watch = async (ackMs: number | null, ackedAt: number): Promise<OpenOutcome> => {
    // The door stays claimed for as long as this call watches it: a confirmation that comes
    // after the jam window (a slow reply, a stalled host) is still this open, not a break-in.
    const seenAt = await bus.watchOpen(door, options.jamWindowMs).finally(() => claim.settle(ackedAt));
    if (seenAt === null) return { kind: 'jammed', ackMs };
    // Executed, and then nobody could look: unknown, never "did not open".
    if (seenAt === 'link_lost') {
      return {
        kind: 'link_down',
        maybeExecuted: true,
        detail: 'executed; the link went down before the door was seen',
      };
    }
    return { kind: 'opened', ackMs: ackMs ?? 0, seenOpenMs: seenAt - (firstWrittenAt ?? startedAt) };
  };
  const maybeExecuted = (detail: string): OpenOutcome => {
    claim.settle(bus.now());
    return { kind: 'link_down', maybeExecuted: anyWritten, detail };
  };

  /**
   * The open may or may not have run (no reply, a garbled one, NAK CRC or BUSY, which can also
   * be a board's answer to line noise while the open went through): read the board first.
   */
  const judge = async (detail: string, writtenAt: number | null): Promise<OpenOutcome | 'resend'> => {
    if (writtenAt !== null && bus.settleMs > 0) {
      const wait = writtenAt + bus.settleMs - bus.now();
      if (wait > 0) await bus.sleep(wait);
    }
    const reading = await readAfterFailure(bus, door.board, options.statusReadAttempts);
    if (!reading) return maybeExecuted(`no answer to a status read after: ${detail}`);
    const now = reading.doors[door.channel];
    if (!now) return refuse(claim, `board ${door.board} has no channel ${door.channel}`);
    // The door is open: whatever became of the unacknowledged open, nothing is resent.
    if (now.open) {
      const at = bus.now();
      const ackMs = at - (firstWrittenAt ?? startedAt);
      if (wasOpen) {
        claim.settle(at);
        return { kind: 'already_open', ackMs };
      }
      // One reading is not yet a believed open: the watch reads again at once, so the door's
      // open event (which the ledger waits for, to see the close after it) comes with the
      // outcome rather than a poll turn later, when a quick hand may already have shut it.
      return watch(ackMs, at);
    }
    if (!now.locked) return watch(null, bus.now());
    // Locked and closed. A door that read open before the command may have been fired, then
    // shut by a hand: only a board that refuses duplicates makes a resend safe then.
    if (wasOpen && !bus.dedupesOpens)
      return maybeExecuted('the door was open before, now reads shut, and the open was not acknowledged');
    return 'resend';
  };

  for (let attempt = 0; attempt <= resends; attempt++) {
    if (attempt > 0) stats.openRetries++;
    stats.opensSent++;
    let answered: Answered;
    try {
      answered = await bus.sendOpen(door, pulseMs, seq);
    } catch (error) {
      const failure = asFailure(error);
      anyWritten ||= failure.written;
      if (failure.code !== 'timeout') return maybeExecuted(failure.message);
      const verdict = await judge(failure.message, failure.writtenAt);
      if (verdict === 'resend') continue;
      return verdict;
    }
    firstWrittenAt ??= answered.writtenAt;
    anyWritten = true;
    const ackMs = answered.repliedAt - answered.writtenAt;
    const reply = answered.reply;
    // The frame went out and the board, as it may, said nothing: its status will tell.
    if (reply.kind === 'sent') {
      const verdict = await judge('no reply to the unlock (none expected)', answered.writtenAt);
      if (verdict === 'resend') continue;
      return verdict;
    }
    // DUPLICATE: executed by an earlier attempt whose acknowledgement was lost.
    if (reply.kind === 'open_ack' || (reply.kind === 'nak' && reply.reason === 'DUPLICATE')) {
      if (wasOpen) {
        claim.settle(answered.repliedAt);
        return { kind: 'already_open', ackMs };
      }
      return watch(ackMs, answered.repliedAt);
    }
    if (reply.kind !== 'nak') return maybeExecuted(`unexpected ${reply.kind} reply to an open`);
    if (REFUSAL_REASONS.has(reply.reason)) return refuse(claim, reply.reason);
    const verdict = await judge(`NAK ${reply.reason}`, answered.writtenAt);
    if (verdict !== 'resend') return verdict;
  }
  return maybeExecuted(`no acknowledgement after ${resends + 1} attempts`);
}

function refuse(claim: { settle(at: number | null): void }, reason: string): OpenOutcome {
  claim.settle(null);
  return { kind: 'refused', reason };
}

async function readAfterFailure(bus: OpenBus, board: number, attempts: number): Promise<BoardReading | null> {
  for (let i = 0; i < attempts; i++) {
    try {
      return await bus.readStatus(board);
    } catch (error) {
      if (asFailure(error).code !== 'timeout') return null;
    }
  }
  return null;
}

function asFailure(error: unknown): CommandFailure {
  if (error instanceof CommandFailure) return error;
  return new CommandFailure('link_down', error instanceof Error ? error.message : String(error), false);
}
