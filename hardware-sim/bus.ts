import type { Duplex } from 'node:stream';
import type { Scheduler } from './clock';
import type { SimEvent } from './events';
import type { Faults, LinkControl } from './faults';
import type { Knobs } from './knobs';
import type { Outgoing, Responder, ResponderHooks } from './responder';
import type { Wire } from './wire';

/**
 * One locker bus: the single host connection (a new one replaces the old, like a replug), the
 * wire's timing, the fault knobs and the board firmware. Host bytes go through the wire to the
 * responder; its answers go through the faults and the wire back to the host.
 */
export class Bus implements LinkControl {
  private connection: Duplex | null = null;
  /** Let go of the current connection (set by attach). */
  private forget: () => void = () => {};
  private readonly responder: Responder;
  faults: Faults | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly wire: Wire,
    makeResponder: (hooks: ResponderHooks) => Responder,
    private readonly describe: (bytes: Buffer) => string,
    private readonly note: (event: SimEvent) => void,
    private readonly knobs: Knobs | null = null,
  ) {
    this.responder = makeResponder({
      send: (out) => this.send(out),
      received: (what) => this.note({ type: 'rx', ...what }),
      warn: (message) => this.note({ type: 'warning', message }),
    });
  }

  get connected(): boolean {
    return this.connection !== null;
  }

  /** Plug a host in; whoever was plugged in before is cut off. */
  attach(stream: Duplex, endpoint: string): void {
    this.disconnect();
    this.wire.reset();
    this.responder.reset();
    this.connection = stream;
    this.note({ type: 'connection', state: 'open', endpoint });
    stream.on('data', (chunk: Buffer) => this.fromHost(stream, chunk));
    const gone = () => {
      if (this.connection !== stream) return;
      this.connection = null;
      this.wire.reset();
      this.note({ type: 'connection', state: 'closed', endpoint });
    };
    stream.on('close', gone);
    stream.on('end', gone);
    stream.on('error', gone);
    this.forget = gone;
  }

  disconnect(): void {
    const stream = this.connection;
    if (!stream) return;
    // 'close' arrives on a later tick; the bus forgets the stream now so nothing more is sent.
    this.forget();
    stream.destroy();
  }

  injectGarbage(bytes: Buffer): void {
    const stream = this.connection;
    if (!stream) return;
    this.wire.toHost(bytes, (b) =>
      this.write(stream, b, { type: 'tx', kind: 'garbage', text: this.describe(b), bytes: b }),
    );
  }

  close(): void {
    this.disconnect();
    this.responder.dispose();
  }

  private fromHost(stream: Duplex, chunk: Buffer): void {
    if (this.faults?.silent) {
      this.faults.counters.swallowedWhileSilent += chunk.length;
      return;
    }
    this.wire.fromHost(chunk, (bytes) => {
      if (this.connection !== stream || this.faults?.silent) return;
      // An echoing adapter hands the host its own bytes back as they leave, before any reply.
      if (this.knobs?.echo && !stream.destroyed) {
        stream.write(bytes);
        this.note({ type: 'tx', kind: 'echo', text: this.describe(bytes), bytes });
      }
      this.responder.receive(bytes);
    });
  }

  private send(out: Outgoing): void {
    const stream = this.connection;
    if (!stream || this.faults?.silent) return;
    if (out.unlock && this.knobs?.silentUnlocks) return; // executed, never answered
    const extra = out.kind === 'reply' ? (this.knobs?.lateMs ?? 0) : 0;
    if (out.kind === 'event' || !this.faults) {
      this.wire.toHost(
        out.bytes,
        (b) => this.write(stream, b, { type: 'tx', kind: out.kind, text: out.text, bytes: b }),
        this.scheduler.now() + extra,
      );
      return;
    }
    const readyAt = this.scheduler.now() + this.wire.reactionMs + extra;
    for (const transmission of this.faults.shape(out.bytes)) {
      const whole = Buffer.concat(transmission.chunks);
      const last = transmission.chunks.length - 1;
      transmission.chunks.forEach((chunk, i) => {
        const event: SimEvent | null =
          i === last ? { type: 'tx', kind: 'reply', text: this.describe(whole), bytes: whole } : null;
        this.wire.toHost(chunk, (b) => this.write(stream, b, event), readyAt + transmission.delayMs);
      });
    }
  }

  private write(stream: Duplex, bytes: Buffer, event: SimEvent | null): void {
    if (this.connection !== stream || stream.destroyed || this.faults?.silent) return;
    stream.write(bytes);
    if (event) this.note(event);
  }
}
