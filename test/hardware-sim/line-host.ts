import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import type { Decoded } from '../../firmware-bridge/codec';
import { encodeLine } from '../../firmware-bridge/line/codec';
import { LineDecoder } from '../../firmware-bridge/line/decoder';
import type { LineCommand, LineEvent, LineFrame, LineReply } from '../../firmware-bridge/line/types';

/**
 * A bare host for the line dialect, written with the codecs only, so the simulator's tests do
 * not depend on the driver: it sends request lines and collects what comes back.
 */
export class LineHost {
  readonly replies: LineReply[] = [];
  readonly events: LineEvent[] = [];
  readonly discarded: Decoded<LineFrame>[] = [];
  private readonly decoder = new LineDecoder();
  private waiters: (() => void)[] = [];

  constructor(readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      for (const d of this.decoder.push(chunk)) {
        if (d.kind === 'discarded') this.discarded.push(d);
        else if (d.frame.type === 'reply') this.replies.push(d.frame.reply);
        else if (d.frame.type === 'event') this.events.push(d.frame.event);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(seq: number, command: LineCommand): void {
    this.stream.write(encodeLine({ type: 'request', request: { seq, command } }));
  }

  /** Wait until `done` holds, checking after every chunk; fails after `ms`. */
  async until(done: () => boolean, ms = 3000): Promise<void> {
    const deadline = setTimeout(() => {
      for (const wake of this.waiters.splice(0)) wake();
    }, ms);
    try {
      const start = Date.now();
      while (!done()) {
        if (Date.now() - start >= ms) throw new Error('the board did not answer in time');
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
    } finally {
      clearTimeout(deadline);
    }
  }

  async request(seq: number, command: LineCommand): Promise<LineReply> {
    const count = this.replies.length;
    this.send(seq, command);
    await this.until(() => this.replies.length > count);
    return this.replies[count]!;
  }

  /** The handshake every host starts with; the board answers nothing else before it. */
  async greet(): Promise<this> {
    const reply = await this.request(65535, { verb: 'HELLO', version: 1 });
    if (!reply.ok) throw new Error(`HELLO refused: ${reply.reason}`);
    this.replies.length = 0;
    return this;
  }

  async closed(): Promise<void> {
    if (!this.stream.destroyed) await once(this.stream, 'close');
  }
}

export const open = (board: number, channel: number): LineCommand => ({
  verb: 'OPEN',
  board,
  channel,
  pulseMs: 300,
});
