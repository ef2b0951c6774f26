import type { Transport } from '../transports';
import { BoardPresence } from './board-presence';
import type { LinkClock } from './clock';
import { type Answered, CommandQueue, type SendOptions } from './command-queue';
import { type BoardEvent, boardOf, type Dialect, type LinkCommand, NO_BUS_TIMING_FIELDS } from './commands';
import { EchoFilter } from './echo';
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
    echoBytes: 0,
  };
}

export interface SessionHooks {
  event(seq: number, event: BoardEvent): void;
  /** No board on the bus answers any more (or bus-wide commands go unanswered): the link is silent. */
  silent(detail: string): void;
  /** One board stopped answering, or answered again after that; the others are unaffected. */
  board(board: number, state: 'offline' | 'online'): void;
}

export interface SessionConfig<F> {
  dialect: Dialect<F>;
  stats: LinkStats;
  /** Consecutive unanswered commands that make one board offline (or a bus-wide command silent). */
  missedBeforeDown: number;
  hooks: SessionHooks;
  log: LinkLogger;
  nextSeq: () => number;
  clock: LinkClock;
}

/**
 * One connection to a bus: a fresh transport, a fresh decoder, a fresh echo filter and a fresh
 * command queue, all thrown away together on a disconnect so nothing stale (bytes, replies)
 * leaks into the next.
 */
export class BusSession<F> {
  readonly queue: CommandQueue;
  private readonly decoder;
  private readonly echo = new EchoFilter();
  private readonly presence: BoardPresence;
  /** Bus-wide commands (HELLO, PING) unanswered in a row. */
  private missedBusWide = 0;
  /** clock.now() of the last valid frame from the bus. */
  lastHeardAt: number;
  private readonly traceFrames: boolean;
  private readonly dialect: Dialect<F>;
  private readonly stats: LinkStats;
  private readonly log: LinkLogger;
  private readonly clock: LinkClock;
  readonly nextSeq: () => number;

  constructor(
    readonly transport: Transport,
    private readonly config: SessionConfig<F>,
  ) {
    this.dialect = config.dialect;
    this.stats = config.stats;
    this.log = config.log;
    this.clock = config.clock;
    this.nextSeq = config.nextSeq;
    this.lastHeardAt = this.clock.now();
    this.decoder = this.dialect.newDecoder();
    this.traceFrames = this.log.isLevelEnabled?.('trace') ?? true;
    this.presence = new BoardPresence(config.missedBeforeDown, (board, state) => {
      this.log.warn({ board, state }, 'board presence');
      config.hooks.board(board, state);
      if (state === 'offline' && this.presence.allOffline())
        config.hooks.silent(`no board answers (${this.presence.describe()})`);
    });
    this.queue = new CommandQueue(
      { nextSeq: this.nextSeq, write: (command, seq) => this.write(command, seq) },
      (command) => this.timedOut(command),
      this.clock,
      { ...NO_BUS_TIMING_FIELDS, ...this.dialect.busTiming },
    );
    transport.onData((chunk) => this.received(chunk));
  }

  /** The boards this bus is expected to carry: the link is silent only when all of them are. */
  expectBoards(boards: readonly number[]): void {
    this.presence.expect(boards);
  }

  isOffline(board: number): boolean {
    return this.presence.isOffline(board);
  }

  send(command: LinkCommand, options: SendOptions): Promise<Answered> {
    const expectReply = options.expectReply ?? this.dialect.expectsReply?.(command) ?? true;
    return this.queue.send(command, { ...options, expectReply });
  }

  private write(command: LinkCommand, seq: number): void {
    const bytes = this.dialect.encode(command, seq);
    const held = this.echo.release();
    if (held.length > 0) this.decode(held);
    this.stats.commandsSent++;
    if (this.traceFrames)
      this.log.trace({ dir: 'tx', seq, hex: Buffer.from(bytes).toString('hex') }, 'frame');
    this.echo.wrote(bytes);
    this.transport.write(bytes);
  }

  private received(chunk: Buffer): void {
    if (this.traceFrames) this.log.trace({ dir: 'rx', hex: chunk.toString('hex') }, 'bytes');
    this.queue.heard();
    const before = this.echo.dropped;
    const rest = this.echo.filter(chunk);
    this.stats.echoBytes += this.echo.dropped - before;
    if (rest.length > 0) this.decode(rest);
  }

  private decode(bytes: Buffer): void {
    for (const item of this.decoder.push(bytes)) {
      if (item.kind === 'discarded') {
        this.stats.discardedBytes += item.bytes.length;
        this.log.debug({ reason: item.reason, hex: item.bytes.toString('hex') }, 'discarded bytes');
        // The reply to the command in flight may be what was lost; fail it now, not at its timeout.
        if (item.reason !== 'overflow') this.queue.garbled(item.reason);
        continue;
      }
      this.lastHeardAt = this.clock.now();
      const inFlight = this.queue.inFlight;
      const meaning = this.dialect.interpret(item.frame, inFlight);
      if (meaning.kind === 'reply') {
        this.stats.replies++;
        this.missedBusWide = 0;
        const board = inFlight ? boardOf(inFlight.command) : null;
        if (board !== null) this.presence.answered(board);
        this.queue.answer(meaning.reply);
      } else if (meaning.kind === 'event') {
        this.missedBusWide = 0;
        this.hooks.event(meaning.seq, meaning.event);
      } else {
        this.log.debug({ detail: meaning.detail }, 'stray frame');
      }
    }
  }

  private get hooks(): SessionHooks {
    return this.config.hooks;
  }

  private timedOut(command: LinkCommand): void {
    this.stats.timeouts++;
    // Bytes held as a possible echo were not one: hand them on (they are stray by now).
    const held = this.echo.release();
    if (held.length > 0) this.decode(held);
    const board = boardOf(command);
    if (board !== null) {
      this.presence.missed(board);
      return;
    }
    this.missedBusWide++;
    if (this.missedBusWide >= this.config.missedBeforeDown)
      this.hooks.silent(`${this.missedBusWide} commands in a row unanswered`);
  }
}
