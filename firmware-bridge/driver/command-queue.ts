import { type LinkClock, SYSTEM_CLOCK, type TimerHandle } from './clock';
import {
  type BusTiming,
  type CommandReply,
  type InFlight,
  type LinkCommand,
  NO_BUS_TIMING_FIELDS,
} from './commands';
import { LinkError, type LinkErrorCode } from './types';

/** Who is waiting for the bus: a door open first, then the status reads that serve it, then routine. */
export const Priority = { open: 0, serveOpen: 1, routine: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** A command that failed, saying whether its frame reached the wire (an open might have run). */
export class CommandFailure extends LinkError {
  constructor(
    code: LinkErrorCode,
    message: string,
    readonly written: boolean,
    readonly garbled = false,
    /** clock.now() when the frame was handed to the transport, when it was. */
    readonly writtenAt: number | null = null,
  ) {
    super(code, message);
    this.name = 'CommandFailure';
  }
}

export interface Answered {
  reply: CommandReply;
  seq: number;
  /** clock.now() when the frame was handed to the transport, and when its reply was decoded. */
  writtenAt: number;
  repliedAt: number;
}

export interface QueueWire {
  nextSeq(): number;
  /** Encode and write; throws when the transport is closed. */
  write(command: LinkCommand, seq: number): void;
}

export interface SendOptions {
  priority: Priority;
  timeoutMs: number;
  /** Reuse a sequence number (a line-dialect open resent after a status read). */
  seq?: number;
  /**
   * false: the board may send nothing back (a Kerong unlock on most boards). The command holds
   * the bus for timeoutMs all the same, so a board that does answer is not talked over; a reply
   * within it is taken, and without one the command ends as `{ kind: 'sent' }`, not a timeout.
   */
  expectReply?: boolean;
}

interface Waiting {
  command: LinkCommand;
  options: SendOptions;
  order: number;
  resolve(answer: Answered): void;
  reject(failure: CommandFailure): void;
}

interface Current extends Waiting {
  seq: number;
  writtenAt: number;
  timer: TimerHandle;
}

/**
 * One command on the bus at a time (RS485 is half duplex and boards answer in turn), the most
 * urgent first, each with its own reply timeout. Replies are matched by the dialect; the queue
 * only knows which command is in flight.
 */
export class CommandQueue {
  private readonly waiting: Waiting[] = [];
  private current: Current | null = null;
  private closedBy: { code: LinkErrorCode; detail: string } | null = null;
  private order = 0;
  private pumpScheduled = false;
  /** When the bus last carried a byte, either way. */
  private lastActivityAt = Number.NEGATIVE_INFINITY;
  /** Until then, after a timeout, nothing is written; bytes heard meanwhile push it further. */
  private quietUntil = Number.NEGATIVE_INFINITY;
  private gate: TimerHandle | null = null;

  constructor(
    private readonly wire: QueueWire,
    private readonly onTimeout: (command: LinkCommand) => void,
    private readonly clock: LinkClock = SYSTEM_CLOCK,
    private readonly timing: BusTiming = NO_BUS_TIMING_FIELDS,
  ) {}

  /** Bytes arrived from the bus (any bytes: a reply, an echo, noise). */
  heard(): void {
    const now = this.clock.now();
    this.lastActivityAt = now;
    if (now < this.quietUntil) this.quietUntil = now + this.timing.quietAfterTimeoutMs;
  }

  get inFlight(): InFlight | null {
    return this.current ? { command: this.current.command, seq: this.current.seq } : null;
  }

  /** Commands waiting or in flight at this priority or more urgent. */
  pending(priority: Priority): number {
    const inFlight = this.current && this.current.options.priority <= priority ? 1 : 0;
    return inFlight + this.waiting.filter((w) => w.options.priority <= priority).length;
  }

  send(command: LinkCommand, options: SendOptions): Promise<Answered> {
    return new Promise((resolve, reject) => {
      if (this.closedBy) {
        reject(new CommandFailure(this.closedBy.code, this.closedBy.detail, false));
        return;
      }
      this.waiting.push({ command, options, order: this.order++, resolve, reject });
      // An idle bus takes the command at once: the round trip starts now, not a tick later.
      if (!this.current && !this.pumpScheduled) this.pump();
    });
  }

  /** The dialect matched a reply to the command in flight. */
  answer(reply: CommandReply): void {
    const current = this.finishCurrent();
    if (!current) return;
    current.resolve({ reply, seq: current.seq, writtenAt: current.writtenAt, repliedAt: this.clock.now() });
  }

  /** Bytes arrived but could not be decoded while a command was waiting: its reply is lost. */
  garbled(detail: string): void {
    const current = this.finishCurrent();
    if (!current) return;
    current.reject(new CommandFailure('timeout', `garbled reply: ${detail}`, true, true, current.writtenAt));
  }

  /** The link went down or stopped: everything waiting fails, and later sends fail at once. */
  close(code: LinkErrorCode, detail: string): void {
    if (this.closedBy) return;
    this.closedBy = { code, detail };
    const current = this.current;
    this.current = null;
    if (this.gate !== null) this.clock.clearTimeout(this.gate);
    this.gate = null;
    if (current) {
      this.clock.clearTimeout(current.timer);
      current.reject(new CommandFailure(code, detail, true, false, current.writtenAt));
    }
    for (const waiting of this.waiting.splice(0)) waiting.reject(new CommandFailure(code, detail, false));
  }

  private finishCurrent(): Current | null {
    const current = this.current;
    if (!current) return null;
    this.clock.clearTimeout(current.timer);
    this.current = null;
    this.schedulePump();
    return current;
  }

  /**
   * After a command ends, let its caller's continuation queue a follow-up (the status read
   * after a failed open) before the bus is given to whatever routine poll was waiting.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.current && !this.closedBy && this.waiting.length > 0) {
      if (this.gate !== null) return;
      const now = this.clock.now();
      const freeAt = Math.max(this.lastActivityAt + this.timing.minGapMs, this.quietUntil);
      if (now < freeAt) {
        this.gate = this.clock.setTimeout(() => {
          this.gate = null;
          this.pump();
        }, freeAt - now);
        return;
      }
      const next = this.takeMostUrgent();
      const seq = next.options.seq ?? this.wire.nextSeq();
      // In flight before the write: an in-process board can answer within write() itself.
      const timer = this.clock.setTimeout(() => this.timedOut(), next.options.timeoutMs);
      const current: Current = { ...next, seq, writtenAt: now, timer };
      this.current = current;
      this.lastActivityAt = now;
      try {
        this.wire.write(next.command, seq);
      } catch (error) {
        this.clock.clearTimeout(timer);
        if (this.current === current) this.current = null;
        next.reject(new CommandFailure('link_down', `write failed: ${(error as Error).message}`, false));
      }
    }
  }

  private timedOut(): void {
    const current = this.finishCurrent();
    if (!current) return;
    if (current.options.expectReply === false) {
      current.resolve({
        reply: { kind: 'sent' },
        seq: current.seq,
        writtenAt: current.writtenAt,
        repliedAt: this.clock.now(),
      });
      return;
    }
    this.quietUntil = this.clock.now() + this.timing.quietAfterTimeoutMs;
    current.reject(
      new CommandFailure(
        'timeout',
        `no reply to ${current.command.kind} within ${current.options.timeoutMs} ms`,
        true,
        false,
        current.writtenAt,
      ),
    );
    this.onTimeout(current.command);
  }

  private takeMostUrgent(): Waiting {
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const a = this.waiting[i]!;
      const b = this.waiting[best]!;
      if (
        a.options.priority < b.options.priority ||
        (a.options.priority === b.options.priority && a.order < b.order)
      )
        best = i;
    }
    return this.waiting.splice(best, 1)[0]!;
  }
}
