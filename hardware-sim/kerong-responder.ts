import { sum8 } from './checks';
import { type FixedFrame, FixedFrameReader } from './frame-buffer';
import { type BoardContext, hexText, type Responder, reportDiscard } from './responder';

/**
 * Kerong CU16 (KU16, DS16) boards on one RS485 bus, written from the public frames (shared
 * reference hardware.md; suryavirkapur/kerong-lib src/kerong_client.cpp; julio-alv/lkaas-kerong
 * src/kerong/{command,status,board}.rs), not from the driver's codec.
 *
 * Request: `02 ADDR CMD 03 SUM`, ADDR = board (high nibble) and lock (low nibble), SUM = low byte
 * of the sum of the earlier bytes. Status reply, 9 bytes: `02 ADDR C H1-8 H9-16 IR1-8 IR9-16 03
 * SUM`, bit 0 = lowest lock, IR bit 1 = item present. C is 0x35 (kerong-lib's RESP_STATE) or an
 * echo of the request's command: a knob. Hook polarity is a knob per board. An unlock is answered
 * with a status frame unless the bus has silent unlocks (kerong-lib and lkaas-kerong read nothing
 * back after 0x31). Unlock-all (0x33) and the 0xF0 broadcast are never executed: a board that
 * did would open a whole bank at once, so the simulator only warns.
 */
export const KERONG = {
  stx: 0x02,
  etx: 0x03,
  status: 0x30,
  unlock: 0x31,
  statusAll: 0x32,
  unlockAll: 0x33,
  reply35: 0x35,
  broadcast: 0xf0,
} as const;

const REQUEST_BYTES = 5;
/** `02 ADDR CMD 03 SUM`. */
const REQUEST: FixedFrame = {
  length: REQUEST_BYTES,
  isStart: (byte) => byte === KERONG.stx,
  noStart: 'no STX',
  fault: (frame) =>
    frame[3] !== KERONG.etx ? 'no ETX' : frame[4] !== sum8(frame.subarray(0, 4)) ? 'bad sum' : null,
};
const LOCKS = 16;

export class KerongResponder implements Responder {
  private readonly requests = new FixedFrameReader(REQUEST, (bytes, reason) =>
    reportDiscard(this.ctx, bytes, reason),
  );
  private unlocks = 0;

  constructor(private readonly ctx: BoardContext) {}

  receive(bytes: Buffer): void {
    this.requests.read(bytes, (frame) => this.answer(frame));
  }

  reset(): void {
    this.requests.clear();
  }

  dispose(): void {}

  private answer(frame: Buffer): void {
    const { bank, hooks, knobs, audit } = this.ctx;
    const address = frame[1]!;
    const command = frame[2]!;
    const board = address >> 4;
    const lock = address & 0x0f;
    const text = `${describe(command)} board ${board} lock ${lock}`;
    hooks.received({ bytes: frame, text, accepted: true });
    if (address === KERONG.broadcast) {
      hooks.warn(`kerong: broadcast address F0 (${describe(command)}) refused; nothing executed`);
      return;
    }
    if (command === KERONG.unlockAll) {
      hooks.warn(`BULK OPEN refused: kerong unlock-all for board ${board}; no lock fired`);
      return;
    }
    if (board >= bank.boards.length || !knobs.listening(board)) return; // nobody answers
    switch (command) {
      case KERONG.status:
      case KERONG.statusAll: // lkaas-kerong reads a 9-byte status after `02 00 32 03 37`
        audit.statusRead(board);
        this.replyStatus(board, address, command, false);
        return;
      case KERONG.unlock:
        this.unlocks++;
        if (lock < bank.doorsPerBoard) {
          audit.open(board, lock);
          bank.fire(board, lock, `kerong unlock #${this.unlocks}`);
        }
        this.replyStatus(board, address, command, true);
        return;
      default:
        hooks.warn(`kerong: ${text} is not simulated; no answer`);
    }
  }

  private replyStatus(board: number, address: number, command: number, unlock: boolean): void {
    const { bank, knobs, hooks } = this.ctx;
    const engagedBit = knobs.polarity(board) === 'normal';
    const hooksBits = [0, 0];
    const infrared = [0, 0];
    for (let lock = 0; lock < LOCKS; lock++) {
      const reading =
        lock < bank.doorsPerBoard
          ? bank.read(board, lock)
          : { locked: true, doorOpen: false, present: false };
      // The hook switch only engages on a shut door: on this board it is the door sensor too.
      const engaged = reading.locked && !reading.doorOpen;
      const bit = 1 << (lock % 8);
      if (engaged === engagedBit) hooksBits[lock >> 3]! |= bit;
      if (reading.present) infrared[lock >> 3]! |= bit;
    }
    const replyCommand = knobs.kerongReply === '35' ? KERONG.reply35 : command;
    const body = [KERONG.stx, address, replyCommand, ...hooksBits, ...infrared, KERONG.etx];
    const bytes = Buffer.from([...body, sum8(Uint8Array.from(body))]);
    hooks.send({ kind: 'reply', bytes, text: hexText(bytes), unlock });
  }
}

function describe(command: number): string {
  const names: Record<number, string> = {
    48: 'status',
    49: 'unlock',
    50: 'status-all',
    51: 'unlock-all',
    55: 'set-pulse',
    57: 'delayed-unlock',
  };
  return names[command] ?? `command 0x${command.toString(16).padStart(2, '0')}`;
}
