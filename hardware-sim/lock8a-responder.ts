import { xor8 } from './checks';
import type { Cancel } from './clock';
import { type FixedFrame, FixedFrameReader } from './frame-buffer';
import { type BoardContext, hexText, type Responder, reportDiscard } from './responder';

/**
 * Generic "8A/80" locker boards (9600 baud, addresses 1-64), written from the vendor manual as
 * DigitalPlatform/dp2 quotes it in WjlLockDriver.cs (and the shared reference hardware.md).
 * Every request is 5 bytes, the last the XOR of the first four:
 * - unlock `8A BB LL 11 X`, answered `HH BB LL SS X` once the lock has had time to open (dp2:
 *   "about 1 s after the command"; a knob), HH = 8A or 80 (a knob), SS the lock's state;
 * - query one `80 BB LL 33 X` -> `80 BB LL SS X`; query all `80 BB 00 33 X` ->
 *   `80 BB [25-32] [17-24] [9-16] [1-8] 33 X`;
 * - address discovery `80 01 00 99 18` -> `80 01 BB 99 X` (one board on the bus only).
 * Lock 00 of an unlock means every lock of the board: never executed, a warning instead.
 * SS is 11 (bit 1) for a shut lock with the "normal" polarity, 00 (bit 0) for an open one;
 * "inverted" swaps them (dp2's manual: it depends on the lock switch being normally open).
 * Board index b of the bank answers at address b + 1; lock LL is channel LL - 1.
 */
export const LOCK8A = { unlock: 0x8a, query: 0x80, open: 0x11, state: 0x33, discover: 0x99 } as const;

const FRAME = 5;
/** `8A|80 BB LL CMD X`, X the XOR of the first four. */
const REQUEST: FixedFrame = {
  length: FRAME,
  isStart: isHeader,
  noStart: 'no 8A/80 header',
  fault: (frame) => (frame[4] !== xor8(frame.subarray(0, 4)) ? 'bad XOR' : null),
};
const MAX_LOCKS = 32;

export class Lock8aResponder implements Responder {
  private readonly requests = new FixedFrameReader(REQUEST, (bytes, reason) =>
    reportDiscard(this.ctx, bytes, reason),
  );
  private readonly timers = new Set<Cancel>();
  private unlocks = 0;

  constructor(private readonly ctx: BoardContext) {}

  receive(bytes: Buffer): void {
    this.requests.read(bytes, (frame) => this.answer(frame));
  }

  reset(): void {
    this.requests.clear();
  }

  dispose(): void {
    for (const cancel of this.timers) cancel();
    this.timers.clear();
  }

  private answer(frame: Buffer): void {
    const { hooks } = this.ctx;
    const [head, address, lock, command] = [frame[0]!, frame[1]!, frame[2]!, frame[3]!];
    if (head === LOCK8A.unlock && command === LOCK8A.open) {
      hooks.received({ bytes: frame, text: `unlock board ${address} lock ${lock}`, accepted: true });
      if (lock === 0) {
        hooks.warn(`BULK OPEN refused: 8A unlock of lock 00 (every lock) on board ${address}; no lock fired`);
        return;
      }
      this.unlock(address - 1, lock);
      return;
    }
    if (head === LOCK8A.query && command === LOCK8A.state) {
      const what = lock === 0 ? 'query all' : `query lock ${lock}`;
      hooks.received({ bytes: frame, text: `${what} board ${address}`, accepted: true });
      this.query(address - 1, lock);
      return;
    }
    if (head === LOCK8A.query && command === LOCK8A.discover && address === 0x01 && lock === 0x00) {
      hooks.received({ bytes: frame, text: 'address discovery', accepted: true });
      this.discover();
      return;
    }
    hooks.received({ bytes: frame, text: 'unknown command', accepted: true });
    hooks.warn(`8A/80: ${hexText(frame)} is not simulated; no answer`);
  }

  private hears(board: number): boolean {
    return board >= 0 && board < this.ctx.bank.boards.length && this.ctx.knobs.listening(board);
  }

  private unlock(board: number, lock: number): void {
    const { bank, audit, knobs, scheduler } = this.ctx;
    if (!this.hears(board) || lock > bank.doorsPerBoard) return;
    this.unlocks++;
    audit.open(board, lock - 1);
    bank.fire(board, lock - 1, `8a unlock #${this.unlocks}`);
    // The board answers once the lock has had its time, with the lock's state then.
    const header = knobs.unlockReplyHeader;
    const cancel = scheduler.at(scheduler.now() + knobs.unlockReplyMs, () => {
      this.timers.delete(cancel);
      this.send([header, board + 1, lock, this.lockByte(board, lock - 1)], true);
    });
    this.timers.add(cancel);
  }

  private query(board: number, lock: number): void {
    const { bank, audit } = this.ctx;
    if (!this.hears(board) || lock > bank.doorsPerBoard) return;
    audit.statusRead(board);
    if (lock > 0) {
      this.send([LOCK8A.query, board + 1, lock, this.lockByte(board, lock - 1)], false);
      return;
    }
    const groups = [0, 0, 0, 0]; // locks 1-8, 9-16, 17-24, 25-32
    for (let ch = 0; ch < MAX_LOCKS; ch++) {
      if (this.shutBit(board, ch)) groups[ch >> 3]! |= 1 << (ch % 8);
    }
    this.send([LOCK8A.query, board + 1, groups[3]!, groups[2]!, groups[1]!, groups[0]!, LOCK8A.state], false);
  }

  private discover(): void {
    const { bank, hooks } = this.ctx;
    const live = bank.boards.map((_, b) => b).filter((b) => this.hears(b));
    if (live.length === 0) return;
    if (live.length > 1) {
      // Every board answers at once: the host gets noise, as on a real bus.
      hooks.warn(`8A/80: address discovery with ${live.length} boards on the bus; their answers collide`);
      const noise = Buffer.alloc(FRAME, 0xff);
      hooks.send({ kind: 'reply', bytes: noise, text: hexText(noise) });
      return;
    }
    this.send([LOCK8A.query, 0x01, live[0]! + 1, LOCK8A.discover], false);
  }

  /** Bit 1 when the lock reads shut with the normal polarity; a missing lock reads shut. */
  private shutBit(board: number, channel: number): boolean {
    const { bank, knobs } = this.ctx;
    let shut = true;
    if (channel < bank.doorsPerBoard) {
      const r = bank.read(board, channel);
      shut = r.locked && !r.doorOpen;
    }
    return shut === (knobs.polarity(board) === 'normal');
  }

  private lockByte(board: number, channel: number): number {
    return this.shutBit(board, channel) ? 0x11 : 0x00;
  }

  private send(body: number[], unlock: boolean): void {
    const bytes = Buffer.from([...body, xor8(Uint8Array.from(body))]);
    this.ctx.hooks.send({ kind: 'reply', bytes, text: hexText(bytes), unlock });
  }
}

function isHeader(byte: number | undefined): boolean {
  return byte === LOCK8A.unlock || byte === LOCK8A.query;
}
