import type { Duplex } from 'node:stream';
import type { LinkClock } from '../../../firmware-bridge/driver/clock';
import { duplexPair } from '../../../firmware-bridge/duplex-pair';

/**
 * Kerong CU16 boards on one bus for driver tests, written from the public frames and not from
 * our codec (shared reference hardware.md):
 * - request `02 ADDR CMD 03 SUM`, SUM the low byte of the sum of the bytes before it, ADDR the
 *   board in the high nibble and the lock in the low one (suryavirkapur/kerong-lib,
 *   src/kerong_client.cpp: make_unlock_addr, make_query_addr, calc_sum);
 * - status reply `02 ADDR C L1-8 L9-16 IR1-8 IR9-16 03 SUM`, ADDR = board << 4, C = 0x35 in
 *   kerong-lib (RESP_STATE) or the request's 0x30 as other code echoes;
 * - an unlock answered by nothing (kerong-lib README; julio-alv/lkaas-kerong src/kerong/board.rs)
 *   or, as a knob, by a status frame;
 * - hook bit polarity as a knob: kerong-lib reads 0 = locked, lkaas-kerong reads 1 = closed.
 * Door physics run on the test's clock: an unlock releases the hook after `reactionMs`, and the
 * door springs open `springMs` later unless the lock is jammed.
 */
export interface FakeKerongOptions {
  boards: number;
  locks: number;
  statusCmd: 0x30 | 0x35;
  unlockReply: 'none' | 'status';
  /** true: a hook bit 1 means engaged (lkaas-kerong); false: 0 means locked (kerong-lib). */
  hookBitOneEngaged: boolean;
  reactionMs: number;
  springMs: number;
  /** Send every received byte back first, as an echoing adapter does. */
  echo: boolean;
  /** Reply this long after the request (0: at once). */
  replyDelayMs: number;
}

interface Lock {
  latched: boolean;
  open: boolean;
  item: boolean;
  jammed: boolean;
}

export class FakeKerongBoards {
  readonly options: FakeKerongOptions;
  readonly locks: Lock[][];
  /** Every request frame received, as hex, in order, and when (on the test's clock). */
  readonly received: string[] = [];
  readonly receivedAt: number[] = [];
  /** Unlocks executed, as "board:lock". */
  readonly fires: string[] = [];
  /** Boards that say nothing at all. */
  readonly dead = new Set<number>();
  /** Requests ignored (lost on the wire) before the board hears the next one. */
  loseNext = 0;
  private wire: Duplex | null = null;
  private pending: number[] = [];

  constructor(
    private readonly clock: LinkClock,
    options: Partial<FakeKerongOptions> = {},
  ) {
    this.options = {
      boards: 1,
      locks: 4,
      statusCmd: 0x35,
      unlockReply: 'none',
      hookBitOneEngaged: true,
      reactionMs: 300,
      springMs: 300,
      echo: false,
      replyDelayMs: 0,
      ...options,
    };
    this.locks = Array.from({ length: this.options.boards }, () =>
      Array.from({ length: this.options.locks }, () => ({
        latched: true,
        open: false,
        item: false,
        jammed: false,
      })),
    );
  }

  connect(): Duplex {
    const [host, board] = duplexPair();
    this.wire = board;
    this.pending = [];
    board.on('data', (chunk: Buffer) => this.receive(chunk));
    return host;
  }

  unlocksOf(board: number, lock: number): number {
    return this.fires.filter((f) => f === `${board}:${lock}`).length;
  }

  /** Requests of one kind received, by CMD byte. */
  requestsWith(cmd: number): string[] {
    return this.received.filter((hex) => hex.slice(4, 6) === cmd.toString(16).padStart(2, '0'));
  }

  private receive(chunk: Buffer): void {
    if (this.options.echo) this.wire?.write(Buffer.from(chunk));
    this.pending.push(...chunk);
    while (this.pending.length >= 5) {
      const start = this.pending.indexOf(0x02);
      if (start < 0) {
        this.pending = [];
        return;
      }
      if (start > 0) this.pending.splice(0, start);
      if (this.pending.length < 5) return;
      const frame = this.pending.slice(0, 5);
      const sum = (frame[0]! + frame[1]! + frame[2]! + frame[3]!) & 0xff;
      if (frame[3] !== 0x03 || frame[4] !== sum) {
        this.pending.shift();
        continue;
      }
      this.pending.splice(0, 5);
      this.received.push(Buffer.from(frame).toString('hex'));
      this.receivedAt.push(this.clock.now());
      if (this.loseNext > 0) {
        this.loseNext--;
        continue;
      }
      this.handle(frame[1]! >> 4, frame[1]! & 0x0f, frame[2]!);
    }
  }

  private handle(board: number, lock: number, cmd: number): void {
    if (board >= this.options.boards || this.dead.has(board)) return;
    if (cmd === 0x30) {
      this.reply(this.statusFrame(board));
    } else if (cmd === 0x31) {
      if (lock < this.options.locks) this.unlock(board, lock);
      if (this.options.unlockReply === 'status') this.reply(this.statusFrame(board));
    }
  }

  private unlock(board: number, lock: number): void {
    this.fires.push(`${board}:${lock}`);
    const state = this.locks[board]![lock]!;
    this.clock.setTimeout(() => {
      if (state.jammed) return;
      state.latched = false;
      this.clock.setTimeout(() => {
        state.open = true;
      }, this.options.springMs);
    }, this.options.reactionMs);
  }

  private reply(frame: Buffer): void {
    const send = () => this.wire?.write(frame);
    if (this.options.replyDelayMs > 0) this.clock.setTimeout(send, this.options.replyDelayMs);
    else send();
  }

  /** `02 ADDR C L1-8 L9-16 IR1-8 IR9-16 03 SUM`; the hook reads engaged only on a latched, shut door. */
  statusFrame(board: number): Buffer {
    const bytes = [0x02, board << 4, this.options.statusCmd, 0, 0, 0, 0, 0x03];
    this.locks[board]!.forEach((state, i) => {
      const engaged = state.latched && !state.open;
      const bit = engaged === this.options.hookBitOneEngaged;
      if (bit) bytes[3 + (i >> 3)]! |= 1 << (i & 7);
      if (state.item) bytes[5 + (i >> 3)]! |= 1 << (i & 7);
    });
    let sum = 0;
    for (const b of bytes) sum += b;
    bytes.push(sum & 0xff);
    return Buffer.from(bytes);
  }
}
