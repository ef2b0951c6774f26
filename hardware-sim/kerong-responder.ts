import {
  encodeKerongReply,
  encodeKerongRequest,
  KERONG_CHANNELS,
  KerongDecoder,
  writeKerongStatus,
} from '../firmware-bridge/kerong/codec';
import type { KerongProfile } from '../firmware-bridge/kerong/profile';
import { KerongCommand, type KerongReply, type KerongRequest } from '../firmware-bridge/kerong/types';
import type { ChannelState } from '../firmware-bridge/line/types';
import type { Bank } from './bank';
import { OpenAudit } from './open-audit';
import { hexText, type Responder, type ResponderHooks } from './responder';

/** A lock a board does not have reads shut, locked and empty. */
const ABSENT: ChannelState = { locked: true, doorOpen: false, present: false };

/**
 * Kerong CU16 boards on one RS485 bus. Each board answers only its own address; the host polls,
 * so nothing is said unprompted. Replies follow the board profile (reply CMD, status layout).
 * Kerong has no sequence number, so each unlock request is its own cause in the fire record.
 */
export class KerongResponder implements Responder {
  private readonly decoder: KerongDecoder;
  private unlocks = 0;

  constructor(
    private readonly bank: Bank,
    private readonly profile: KerongProfile,
    private readonly hooks: ResponderHooks,
    private readonly audit: OpenAudit = new OpenAudit(),
  ) {
    this.decoder = new KerongDecoder('requests', profile);
  }

  receive(bytes: Buffer): void {
    for (const decoded of this.decoder.push(bytes)) {
      if (decoded.kind === 'discarded') {
        const text = hexText(decoded.bytes);
        this.hooks.received({ bytes: decoded.bytes, text, accepted: false, reason: decoded.reason });
        continue;
      }
      const request = decoded.frame as KerongRequest;
      this.answer(request);
    }
  }

  reset(): void {
    this.decoder.reset();
  }

  dispose(): void {}

  private answer(request: KerongRequest): void {
    const { board, lock, command } = request;
    const text = `${describe(command)} board ${board} lock ${lock}`;
    const present = board < this.bank.boards.length;
    this.hooks.received({ bytes: encodeKerongRequest(request), text, accepted: true });
    if (!present) return; // no board at that address: the bus stays silent
    switch (command) {
      case KerongCommand.statusOne:
        this.audit.statusRead(board);
        this.replyStatus(request, command);
        break;
      case KerongCommand.unlockOne:
        this.unlocks++;
        if (lock < this.bank.doorsPerBoard) {
          this.audit.open(board, lock);
          this.bank.fire(board, lock, `kerong unlock #${this.unlocks}`);
        }
        this.replyStatus(request, command);
        break;
      case KerongCommand.unlockAll:
        this.unlockAll(request);
        break;
      default:
        this.hooks.warn(`kerong: ${text} is not simulated; no answer`);
    }
  }

  /** Every lock of the board at once: answered as the board would, but never quietly. */
  private unlockAll(request: KerongRequest): void {
    this.unlocks++;
    const cause = `kerong unlock-all #${this.unlocks}`;
    this.hooks.warn(
      `BULK OPEN: unlock-all received for board ${request.board}; firing every lock (${cause})`,
    );
    for (let ch = 0; ch < this.bank.doorsPerBoard; ch++) this.bank.fire(request.board, ch, cause, true);
    // The profiles describe no reply to 0x33: answer it as an unlock, with the board's status.
    const own = this.profile.replyCommand[KerongCommand.unlockAll] !== undefined;
    this.replyStatus(request, own ? KerongCommand.unlockAll : KerongCommand.unlockOne);
  }

  private replyStatus(request: KerongRequest, answering: number): void {
    const command = this.profile.replyCommand[answering];
    if (command === undefined) {
      this.hooks.warn(`kerong: profile ${this.profile.name} has no reply to 0x${answering.toString(16)}`);
      return;
    }
    const channels: ChannelState[] = [];
    for (let ch = 0; ch < KERONG_CHANNELS; ch++) {
      channels.push(ch < this.bank.doorsPerBoard ? this.bank.read(request.board, ch) : ABSENT);
    }
    const reply: KerongReply = {
      board: request.board,
      lock: request.lock,
      command,
      data: writeKerongStatus(channels, this.profile),
    };
    const bytes = encodeKerongReply(reply, this.profile);
    this.hooks.send({ kind: 'reply', bytes, text: hexText(bytes) });
  }
}

function describe(command: number): string {
  const names: Record<number, string> = {
    [KerongCommand.statusOne]: 'status',
    [KerongCommand.unlockOne]: 'unlock',
    [KerongCommand.statusAll]: 'status-all',
    [KerongCommand.unlockAll]: 'unlock-all',
    [KerongCommand.setPulse]: 'set-pulse',
    [KerongCommand.delayedUnlock]: 'delayed-unlock',
  };
  return names[command] ?? `command 0x${command.toString(16).padStart(2, '0')}`;
}
