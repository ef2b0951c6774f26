import { FAULT_CODE_PATTERN } from '../firmware-bridge/line/grammar';
import type { Bank } from './bank';
import { SimError } from './errors';
import type { Random } from './prng';

/** How the link itself is reached by a fault: the bus provides these. */
export interface LinkControl {
  /** Put raw bytes on the board->host line, between frames. */
  injectGarbage(bytes: Buffer): void;
  /** Pull the cable: close the socket or destroy the pipe. */
  disconnect(): void;
}

/** One way an outgoing reply leaves the board: its bytes in write-sized pieces, and extra delay. */
export interface Transmission {
  chunks: Buffer[];
  delayMs: number;
}

export interface FaultCounters {
  dropped: number;
  corrupted: number;
  duplicated: number;
  delayed: number;
  fragmented: number;
  garbageBytes: number;
  disconnects: number;
  swallowedWhileSilent: number;
}

/** Something a fault did, for the console and tests to watch. */
export type FaultNote = {
  fault: 'drop' | 'corrupt' | 'duplicate' | 'delay' | 'garbage' | 'disconnect' | 'silent';
  detail: string;
};

/**
 * The fault knobs of one bus. Link faults shape the board's replies (events pass untouched);
 * probabilities draw from a seeded PRNG so a run can be replayed, and "the next N" counters
 * make a fault certain for a test. Physical faults act on the bank's doors.
 */
export class Faults {
  /** Probabilities in [0, 1] per reply. */
  drop = 0;
  corrupt = 0;
  duplicate = 0;
  delay = { probability: 0, ms: 0 };
  /** Split each reply into random small writes (1-3 bytes). */
  fragment = false;
  /** Stop answering and ignore the host, but keep the connection open. */
  silent = false;
  readonly counters: FaultCounters = {
    dropped: 0,
    corrupted: 0,
    duplicated: 0,
    delayed: 0,
    fragmented: 0,
    garbageBytes: 0,
    disconnects: 0,
    swallowedWhileSilent: 0,
  };
  private readonly nextCounts = { drop: 0, corrupt: 0, duplicate: 0, delay: 0 };
  private nextDelayMs = 0;

  constructor(
    private readonly random: Random,
    private readonly bank: Bank,
    private readonly link: LinkControl,
    private readonly note: (note: FaultNote) => void = () => {},
  ) {}

  /** Replies still to be hit by a "next N" fault, for the console. */
  pending(): { drop: number; corrupt: number; duplicate: number; delay: number } {
    return { ...this.nextCounts };
  }

  dropNext(n = 1): void {
    this.nextCounts.drop = count(n);
  }
  corruptNext(n = 1): void {
    this.nextCounts.corrupt = count(n);
  }
  duplicateNext(n = 1): void {
    this.nextCounts.duplicate = count(n);
  }
  delayNext(n: number, ms: number): void {
    this.nextCounts.delay = count(n);
    this.nextDelayMs = ms;
  }

  /** Put `n` random bytes on the line towards the host now. */
  garbage(n: number): void {
    const bytes = Buffer.alloc(count(n));
    for (let i = 0; i < bytes.length; i++) bytes[i] = this.random.int(0, 255);
    this.counters.garbageBytes += bytes.length;
    this.note({ fault: 'garbage', detail: `${bytes.length} bytes` });
    this.link.injectGarbage(bytes);
  }

  disconnect(): void {
    this.counters.disconnects++;
    this.note({ fault: 'disconnect', detail: 'cable pulled' });
    this.link.disconnect();
  }

  jam(board: number, channel: number, jammed = true): void {
    this.bank.jam(board, channel, jammed);
  }
  stuckSensor(board: number, channel: number, reads: 'open' | 'closed' | 'off'): void {
    this.bank.setSensor(
      board,
      channel,
      reads === 'off' ? 'none' : reads === 'open' ? 'stuck_open' : 'stuck_closed',
    );
  }
  flicker(board: number, channel: number, on = true): void {
    this.bank.setSensor(board, channel, on ? 'flicker' : 'none');
  }
  refuseOpens(board: number, refuse = true): void {
    this.bank.refuseOpens(board, refuse);
  }
  /** The board announces a fault code (line dialect: a FAULT event). */
  boardFault(board: number, code: string): void {
    if (!FAULT_CODE_PATTERN.test(code))
      throw new SimError('bad_command', `fault code "${code}" must match ${FAULT_CODE_PATTERN}`);
    this.bank.reportFault(board, code);
  }
  uncommandedOpen(board: number, channel: number): void {
    this.bank.forceOpen(board, channel);
  }

  /** Decide how one reply leaves the board: not at all, corrupted, twice, late, in pieces. */
  shape(reply: Buffer): Transmission[] {
    if (this.take('drop', this.drop)) {
      this.counters.dropped++;
      this.note({ fault: 'drop', detail: `${reply.length} bytes` });
      return [];
    }
    let bytes = reply;
    if (this.take('corrupt', this.corrupt)) {
      bytes = this.flipOneBit(reply);
      this.counters.corrupted++;
    }
    let delayMs = 0;
    const delayedByNext = this.nextCounts.delay > 0;
    if (this.take('delay', this.delay.probability)) {
      delayMs = delayedByNext ? this.nextDelayMs : this.delay.ms;
      this.counters.delayed++;
      this.note({ fault: 'delay', detail: `${delayMs} ms` });
    }
    const once: Transmission = { chunks: this.pieces(bytes), delayMs };
    if (!this.take('duplicate', this.duplicate)) return [once];
    this.counters.duplicated++;
    this.note({ fault: 'duplicate', detail: `${bytes.length} bytes` });
    return [once, { chunks: this.pieces(bytes), delayMs: 0 }];
  }

  private take(kind: keyof Faults['nextCounts'], probability: number): boolean {
    if (this.nextCounts[kind] > 0) {
      this.nextCounts[kind]--;
      return true;
    }
    return probability > 0 && this.random.next() < probability;
  }

  private flipOneBit(bytes: Buffer): Buffer {
    const copy = Buffer.from(bytes);
    const at = this.random.int(0, copy.length - 1);
    const bit = this.random.int(0, 7);
    copy[at] = copy[at]! ^ (1 << bit);
    this.note({ fault: 'corrupt', detail: `byte ${at} bit ${bit}` });
    return copy;
  }

  private pieces(bytes: Buffer): Buffer[] {
    if (!this.fragment || bytes.length < 2) return [bytes];
    this.counters.fragmented++;
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = this.random.int(1, 3);
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    return chunks;
  }
}

function count(n: number): number {
  return Number.isInteger(n) && n > 0 ? n : 0;
}
