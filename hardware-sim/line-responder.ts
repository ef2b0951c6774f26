import { encodeLine } from '../firmware-bridge/line/codec';
import { LineDecoder } from '../firmware-bridge/line/decoder';
import {
  LINE_DUPLICATE_WINDOW,
  LINE_MAX_NUMBER,
  LINE_PULSE_MAX_MS,
  LINE_PULSE_MIN_MS,
} from '../firmware-bridge/line/limits';
import {
  LINE_PROTOCOL_VERSION,
  type LineEventBody,
  type LineFrame,
  type LineReply,
  type LineRequest,
  type NakReason,
} from '../firmware-bridge/line/types';
import type { Bank, PhysicalChange } from './bank';
import { nakForRejected } from './line-nak';
import { OpenAudit } from './open-audit';
import { lineText, type Responder, type ResponderHooks } from './responder';

/** Open sequence numbers remembered for NAK DUPLICATE; more than the protocol's minimum. */
export const REMEMBERED_OPENS = Math.max(64, LINE_DUPLICATE_WINDOW);
export const SIM_FIRMWARE = 'sim-1.0';

/**
 * The bridge MCU of the line dialect, answering for every board of the bank. It parses the
 * host's bytes with the real LineDecoder and answers with encodeLine; a door change becomes
 * an event line numbered by the board's own counter.
 */
export class LineResponder implements Responder {
  private readonly decoder = new LineDecoder();
  private readonly executedOpens: number[] = [];
  private eventSeq = 0;
  /** Until a HELLO succeeds, everything else is answered NAK VERSION (PROTOCOL.md section 5). */
  private greeted = false;
  /** Events caused while answering a request wait for the reply: the ACK goes out first. */
  private held: LineEventBody[] | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bank: Bank,
    private readonly hooks: ResponderHooks,
    private readonly audit: OpenAudit = new OpenAudit(),
  ) {
    this.unsubscribe = bank.onChange((change) => this.onChange(change));
  }

  receive(bytes: Buffer): void {
    for (const decoded of this.decoder.push(bytes)) {
      if (decoded.kind === 'discarded') {
        this.hooks.received({
          bytes: decoded.bytes,
          text: lineText(decoded.bytes),
          accepted: false,
          reason: decoded.reason,
        });
        this.answerDiscard(decoded.bytes, decoded.reason);
        continue;
      }
      const bytes = encodeLine(decoded.frame);
      this.hooks.received({ bytes, text: lineText(bytes), accepted: true });
      if (decoded.frame.type !== 'request') continue;
      this.held = [];
      try {
        this.reply(this.answer(decoded.frame.request));
      } finally {
        const held = this.held;
        this.held = null;
        for (const body of held) this.sendEvent(body);
      }
    }
  }

  reset(): void {
    this.decoder.reset();
  }

  dispose(): void {
    this.unsubscribe();
  }

  /** A request line that failed its CRC or grammar was not executed; say so. */
  private answerDiscard(bytes: Buffer, reason: string): void {
    const nak = nakForRejected(bytes, reason);
    if (nak) this.reply(nak);
  }

  private answer(request: LineRequest): LineReply {
    const { seq, command } = request;
    const nak = (reason: NakReason): LineReply => ({ seq, ok: false, verb: command.verb, reason });
    if (command.verb !== 'HELLO' && !this.greeted) return nak('VERSION');
    switch (command.verb) {
      case 'HELLO':
        this.greeted = command.version === LINE_PROTOCOL_VERSION;
        if (!this.greeted) return nak('VERSION');
        // A host that restarted may reuse sequence numbers.
        this.executedOpens.length = 0;
        return {
          seq,
          ok: true,
          ack: {
            verb: 'HELLO',
            version: LINE_PROTOCOL_VERSION,
            firmware: SIM_FIRMWARE,
            boards: this.bank.boards.length,
            channels: this.bank.doorsPerBoard,
          },
        };
      case 'PING':
        return { seq, ok: true, ack: { verb: 'PING' } };
      case 'STATUS': {
        if (!this.bank.has(command.board, 0)) return nak('RANGE');
        this.audit.statusRead(command.board);
        const channels = this.bank.boards[command.board]!.doors.map((_, ch) =>
          this.bank.read(command.board, ch),
        );
        return { seq, ok: true, ack: { verb: 'STATUS', board: command.board, channels } };
      }
      case 'OPEN': {
        const { board, channel, pulseMs } = command;
        if (!this.bank.has(board, channel)) return nak('RANGE');
        this.audit.open(board, channel);
        if (pulseMs < LINE_PULSE_MIN_MS || pulseMs > LINE_PULSE_MAX_MS) return nak('RANGE');
        if (this.executedOpens.includes(seq)) return nak('DUPLICATE');
        const verdict = this.bank.fire(board, channel, `line seq ${seq}`);
        if (verdict === 'refused') return nak('REFUSED');
        if (verdict === 'cooldown') return nak('COOLDOWN');
        this.executedOpens.push(seq);
        if (this.executedOpens.length > REMEMBERED_OPENS) this.executedOpens.shift();
        return { seq, ok: true, ack: { verb: 'OPEN', board, channel } };
      }
    }
  }

  private reply(reply: LineReply): void {
    const frame: LineFrame = { type: 'reply', reply };
    const bytes = encodeLine(frame);
    this.hooks.send({ kind: 'reply', bytes, text: lineText(bytes) });
  }

  private onChange(change: PhysicalChange): void {
    const body = eventBody(change);
    if (this.held) this.held.push(body);
    else this.sendEvent(body);
  }

  private sendEvent(body: LineEventBody): void {
    this.eventSeq = this.eventSeq >= LINE_MAX_NUMBER ? 1 : this.eventSeq + 1;
    const bytes = encodeLine({ type: 'event', event: { seq: this.eventSeq, body } });
    this.hooks.send({ kind: 'event', bytes, text: lineText(bytes) });
  }
}

function eventBody(change: PhysicalChange): LineEventBody {
  const { board } = change;
  switch (change.kind) {
    case 'door':
      if (!change.open) return { event: 'CLOSED', board, channel: change.channel };
      return { event: change.commanded ? 'OPENED' : 'UNCOMMANDED', board, channel: change.channel };
    case 'presence':
      return { event: 'PRESENCE', board, channel: change.channel, present: change.present };
    case 'fault':
      return { event: 'FAULT', board, code: change.code };
  }
}
