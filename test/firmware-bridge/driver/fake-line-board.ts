import type { Duplex } from 'node:stream';
import { type LinkClock, SYSTEM_CLOCK } from '../../../firmware-bridge/driver/clock';
import { duplexPair } from '../../../firmware-bridge/duplex-pair';
import { encodeLine } from '../../../firmware-bridge/line/codec';
import { LineDecoder } from '../../../firmware-bridge/line/decoder';
import type {
  ChannelState,
  LineEventBody,
  LineReply,
  LineRequest,
  NakReason,
} from '../../../firmware-bridge/line/types';
import { OpenAudit } from '../../../hardware-sim/open-audit';

/**
 * What the scripted board does with one request:
 * - answer: execute and reply as a healthy board would;
 * - lose_reply: execute, but the reply never arrives;
 * - lose_request: the request never arrives (nothing executed, no reply);
 * - garble_reply: execute, and the reply arrives with a corrupted byte;
 * - nak: refuse with this reason, not executing.
 */
export type Act =
  | 'answer'
  | 'lose_reply'
  | 'lose_request'
  | 'garble_reply'
  /** Refuse with this reason; with `executed`, run it anyway (a NAK that answered line noise). */
  | { nak: NakReason; executed?: boolean };

/**
 * A small line-dialect board for driver tests, scripted per request. It keeps its doors, refuses
 * a resent open with an executed seq (NAK DUPLICATE), counts fires per door, and reports door
 * changes as numbered events unless told to keep quiet.
 */
export class FakeLineBoard {
  readonly doors: ChannelState[][];
  readonly fires = new Map<string, number>();
  readonly requests: LineRequest[] = [];
  /** The board's record of opens and status reads received (blind resends show here). */
  readonly audit = new OpenAudit();
  /** Decide per request; the default answers everything. */
  script: (request: LineRequest, index: number) => Act = () => 'answer';
  /** An executed open makes the door open after this long, unless the lock is jammed. */
  openAfterMs = 5;
  /** Whose time the door's swing takes: the test's manual clock, or the process's. */
  clock: LinkClock = SYSTEM_CLOCK;
  jammed = false;
  sendEvents = true;
  private readonly executed = new Set<number>();
  private eventSeq = 0;
  private wire: Duplex | null = null;
  private decoder = new LineDecoder();
  /** Connections the host made (each reconnect makes a new one). */
  connections = 0;

  constructor(boards = 1, channels = 4) {
    this.doors = Array.from({ length: boards }, () =>
      Array.from({ length: channels }, () => ({ locked: true, doorOpen: false, present: false })),
    );
  }

  /** Plug a new cable in and hand back the host end: `transport: () => board.connect()`. */
  connect(): Duplex {
    this.wire?.destroy();
    const [host, wire] = duplexPair();
    this.wire = wire;
    this.decoder = new LineDecoder();
    this.connections++;
    wire.on('data', (chunk: Buffer) => {
      if (this.wire === wire) this.receive(chunk);
    });
    return host;
  }

  /** Pull the cable. */
  unplug(): void {
    this.wire?.destroy();
  }

  firesAt(board: number, channel: number): number {
    return this.fires.get(`${board}:${channel}`) ?? 0;
  }

  /** A hand opens or closes a door (also how an uncommanded open happens). */
  setDoor(board: number, channel: number, open: boolean, uncommanded = false): void {
    const door = this.doors[board]![channel]!;
    door.doorOpen = open;
    if (!open) door.locked = true;
    if (open) this.event({ event: uncommanded ? 'UNCOMMANDED' : 'OPENED', board, channel });
    else this.event({ event: 'CLOSED', board, channel });
  }

  event(body: LineEventBody): void {
    this.eventSeq = this.eventSeq >= 65535 ? 1 : this.eventSeq + 1;
    if (this.sendEvents) this.send(encodeLine({ type: 'event', event: { seq: this.eventSeq, body } }));
  }

  private receive(chunk: Buffer): void {
    for (const item of this.decoder.push(chunk)) {
      if (item.kind !== 'frame' || item.frame.type !== 'request') continue;
      const request = item.frame.request;
      this.requests.push(request);
      const act = this.script(request, this.requests.length - 1);
      if (act === 'lose_request') continue;
      this.audited(request);
      if (typeof act === 'object') {
        if (act.executed) this.execute(request);
        this.reply({ seq: request.seq, ok: false, verb: request.command.verb, reason: act.nak });
        continue;
      }
      const reply = this.execute(request);
      if (act === 'lose_reply') continue;
      const bytes = encodeLine({ type: 'reply', reply });
      if (act === 'garble_reply') bytes[2] = bytes[2]! ^ 0x04;
      this.send(bytes);
    }
  }

  private audited({ command }: LineRequest): void {
    if (command.verb === 'STATUS' && this.doors[command.board]) this.audit.statusRead(command.board);
    if (command.verb === 'OPEN' && this.doors[command.board]?.[command.channel])
      this.audit.open(command.board, command.channel);
  }

  private execute(request: LineRequest): LineReply {
    const { seq, command } = request;
    switch (command.verb) {
      case 'HELLO':
        return {
          seq,
          ok: true,
          ack: {
            verb: 'HELLO',
            version: 1,
            firmware: 'fake-1',
            boards: this.doors.length,
            channels: this.doors[0]!.length,
          },
        };
      case 'PING':
        return { seq, ok: true, ack: { verb: 'PING' } };
      case 'STATUS': {
        const channels = this.doors[command.board];
        if (!channels) return { seq, ok: false, verb: 'STATUS', reason: 'RANGE' };
        return {
          seq,
          ok: true,
          ack: { verb: 'STATUS', board: command.board, channels: channels.map((c) => ({ ...c })) },
        };
      }
      case 'OPEN': {
        const { board, channel } = command;
        const door = this.doors[board]?.[channel];
        if (!door) return { seq, ok: false, verb: 'OPEN', reason: 'RANGE' };
        if (this.executed.has(seq)) return { seq, ok: false, verb: 'OPEN', reason: 'DUPLICATE' };
        this.executed.add(seq);
        this.fires.set(`${board}:${channel}`, this.firesAt(board, channel) + 1);
        if (!this.jammed && !door.doorOpen) {
          door.locked = false;
          this.clock.setTimeout(() => this.setDoor(board, channel, true), this.openAfterMs);
        }
        return { seq, ok: true, ack: { verb: 'OPEN', board, channel } };
      }
    }
  }

  private reply(reply: LineReply): void {
    this.send(encodeLine({ type: 'reply', reply }));
  }

  private send(bytes: Buffer): void {
    if (this.wire && !this.wire.destroyed) this.wire.write(bytes);
  }
}
