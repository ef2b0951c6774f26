import type { Transport } from '../transports';
import { type Answered, CommandQueue, type SendOptions } from './command-queue';
import type { BoardEvent, Dialect, LinkCommand } from './commands';
import type { LinkLogger } from './logger';
import type { LinkStats } from './types';

export function emptyStats(): LinkStats {
  return {
    commandsSent: 0,
    replies: 0,
    timeouts: 0,
    discardedBytes: 0,
    reconnects: 0,
    opensSent: 0,
    openRetries: 0,
  };
}

export interface SessionHooks {
  event(seq: number, event: BoardEvent): void;
  /** Enough commands in a row went unanswered: the link is silent. */
  silent(detail: string): void;
}

/**
 * One connection to a bus: a fresh transport, a fresh decoder and a fresh command queue, all
 * thrown away together on a disconnect so nothing stale (bytes, replies) leaks into the next.
 */
export class BusSession<F> {
  readonly queue: CommandQueue;
  private readonly decoder;
  private missed = 0;
  /** performance.now() of the last valid frame from the bus. */
  lastHeardAt = performance.now();
  private readonly traceFrames: boolean;

  constructor(
    readonly transport: Transport,
    private readonly dialect: Dialect<F>,
    private readonly stats: LinkStats,
    private readonly missedBeforeDown: number,
    private readonly hooks: SessionHooks,
    private readonly log: LinkLogger,
    readonly nextSeq: () => number,
  ) {
    this.decoder = dialect.newDecoder();
    this.traceFrames = log.isLevelEnabled?.('trace') ?? true;
    this.queue = new CommandQueue(
      {
        nextSeq,
        write: (command, seq) => this.write(command, seq),
      },
      () => this.timedOut(),
    );
    transport.onData((chunk) => this.received(chunk));
  }

  send(command: LinkCommand, options: SendOptions): Promise<Answered> {
    return this.queue.send(command, options);
  }

  private write(command: LinkCommand, seq: number): void {
    const bytes = this.dialect.encode(command, seq);
    this.stats.commandsSent++;
    if (this.traceFrames)
      this.log.trace({ dir: 'tx', seq, hex: Buffer.from(bytes).toString('hex') }, 'frame');
    this.transport.write(bytes);
  }

  private received(chunk: Buffer): void {
    if (this.traceFrames) this.log.trace({ dir: 'rx', hex: chunk.toString('hex') }, 'bytes');
    for (const item of this.decoder.push(chunk)) {
      if (item.kind === 'discarded') {
        this.stats.discardedBytes += item.bytes.length;
        this.log.debug({ reason: item.reason, hex: item.bytes.toString('hex') }, 'discarded bytes');
        // The reply to the command in flight may be what was lost; fail it now, not at its timeout.
        if (item.reason !== 'overflow') this.queue.garbled(item.reason);
        continue;
      }
      this.missed = 0;
      this.lastHeardAt = performance.now();
      const meaning = this.dialect.interpret(item.frame, this.queue.inFlight);
      if (meaning.kind === 'reply') {
        this.stats.replies++;
        this.queue.answer(meaning.reply);
      } else if (meaning.kind === 'event') {
        this.hooks.event(meaning.seq, meaning.event);
      } else {
        this.log.debug({ detail: meaning.detail }, 'stray frame');
      }
    }
  }

  private timedOut(): void {
    this.stats.timeouts++;
    this.missed++;
    if (this.missed >= this.missedBeforeDown)
      this.hooks.silent(`${this.missed} commands in a row unanswered`);
  }
}
