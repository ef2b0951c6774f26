import type { Cancel, Scheduler } from './clock';

/**
 * The serial line's timing, both ways. At B baud with 8N1 framing a byte takes 10/B seconds:
 * host bytes reach the board only when their last bit has arrived, and the board's bytes reach
 * the host only when they have finished transmitting. Each direction keeps a busy-until clock
 * so frames sent back to back queue instead of overlapping (the two directions are modelled as
 * independent, as on a 4-wire bus or a TCP gateway). 'instant' turns pacing off.
 */
export interface WireOptions {
  baud: number | 'instant';
  /** How long the board takes to start answering a request. */
  reactionMs: number;
  /**
   * Two-wire half duplex: a host write and a board reply on the line at the same time garble
   * each other (both arrive as 0xFF noise, what an idle-biased line gives during a fight).
   * Read on every write, so it can be turned on and off while running. Default off: the two
   * directions are independent, as on a 4-wire bus or a TCP gateway.
   */
  collisions?: () => boolean;
  /** Told of each collision, for the console. */
  onCollision?: () => void;
}

/** A transmission on the line, kept until it has been delivered so a collision can garble it. */
interface InFlight {
  start: number;
  end: number;
  bytes: Buffer;
}

export interface WireStats {
  bytesToBoard: number;
  bytesToHost: number;
  writesToHost: number;
  /** When the host->board direction falls idle (scheduler time). */
  rxBusyUntil: number;
  /** When the board->host direction falls idle (scheduler time). */
  txBusyUntil: number;
  /** Host writes and board replies garbled by talking at the same time. */
  collisions: number;
}

export class Wire {
  readonly byteMs: number;
  readonly reactionMs: number;
  readonly stats: WireStats = {
    bytesToBoard: 0,
    bytesToHost: 0,
    writesToHost: 0,
    rxBusyUntil: 0,
    txBusyUntil: 0,
    collisions: 0,
  };
  private readonly collisions: () => boolean;
  private readonly onCollision: () => void;
  private readonly rxFlight = new Set<InFlight>();
  private readonly txFlight = new Set<InFlight>();
  private pending = new Set<Cancel>();
  /**
   * While bytes are being handed to the board: how late their delivery runs behind the moment
   * their last bit arrived. A live clock can wake late (a busy or loaded machine); the board's
   * answer is timed from when the request really ended, as on a real line, so one late wake-up
   * does not also delay the reply. Always 0 on the manual clock.
   */
  private lateBy = 0;

  constructor(
    private readonly scheduler: Scheduler,
    options: WireOptions,
  ) {
    this.byteMs = options.baud === 'instant' ? 0 : 10_000 / options.baud;
    this.reactionMs = options.reactionMs;
    this.collisions = options.collisions ?? (() => false);
    this.onCollision = options.onCollision ?? (() => {});
  }

  /** Milliseconds that `bytes` bytes occupy the line. */
  timeFor(bytes: number): number {
    return bytes * this.byteMs;
  }

  /** The host wrote `bytes` now: hand them to the board when their last bit arrives. Returns that time. */
  fromHost(bytes: Buffer, deliver: (bytes: Buffer) => void): number {
    const start = Math.max(this.scheduler.now(), this.stats.rxBusyUntil);
    const end = start + this.timeFor(bytes.length);
    this.stats.rxBusyUntil = end;
    this.stats.bytesToBoard += bytes.length;
    const flight: InFlight = { start, end, bytes: Buffer.from(bytes) };
    this.collide(flight, this.txFlight);
    this.rxFlight.add(flight);
    this.schedule(end, () => {
      this.rxFlight.delete(flight);
      this.lateBy = Math.max(0, this.scheduler.now() - end);
      try {
        deliver(flight.bytes);
      } finally {
        this.lateBy = 0;
      }
    });
    return end;
  }

  /**
   * The board starts sending `bytes` no earlier than `notBefore` (and not before the line is
   * free); `write` runs once the last byte has left. Returns that time. Called while a late
   * request is being delivered, `notBefore` (read from the clock then) and now are taken back
   * to when that request ended.
   */
  toHost(bytes: Buffer, write: (bytes: Buffer) => void, notBefore = this.scheduler.now()): number {
    const now = this.scheduler.now() - this.lateBy;
    const start = Math.max(notBefore - this.lateBy, now, this.stats.txBusyUntil);
    const end = start + this.timeFor(bytes.length);
    this.stats.txBusyUntil = end;
    this.stats.bytesToHost += bytes.length;
    this.stats.writesToHost++;
    const flight: InFlight = { start, end, bytes: Buffer.from(bytes) };
    this.collide(flight, this.rxFlight);
    this.txFlight.add(flight);
    this.schedule(end, () => {
      this.txFlight.delete(flight);
      write(flight.bytes);
    });
    return end;
  }

  /** A new cable: whatever was in flight is lost and both directions are idle. */
  reset(): void {
    for (const cancel of this.pending) cancel();
    this.pending.clear();
    this.rxFlight.clear();
    this.txFlight.clear();
    const now = this.scheduler.now();
    this.stats.rxBusyUntil = now;
    this.stats.txBusyUntil = now;
  }

  /** With collisions on, garble `flight` and whatever it overlaps going the other way. */
  private collide(flight: InFlight, other: Set<InFlight>): void {
    if (!this.collisions() || flight.end <= flight.start) return;
    for (const o of other) {
      if (o.start < flight.end && flight.start < o.end) {
        o.bytes.fill(0xff);
        flight.bytes.fill(0xff);
        this.stats.collisions++;
        this.onCollision();
      }
    }
  }

  private schedule(at: number, fn: () => void): void {
    const cancel = this.scheduler.at(at, () => {
      this.pending.delete(cancel);
      fn();
    });
    this.pending.add(cancel);
  }
}
