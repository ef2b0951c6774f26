import { EventEmitter } from 'node:events';
import { openTransport, type Transport, type TransportSpec } from '../transports';
import { Backoff, Pause } from './backoff';
import { OpenClaims } from './claims';
import { type LinkClock, SYSTEM_CLOCK, sleep } from './clock';
import { CommandFailure, Priority } from './command-queue';
import type { Dialect, LinkCommand } from './commands';
import { DoorBook } from './door-book';
import { DoorEvents } from './door-events';
import { handshake } from './handshake';
import { type LinkLogger, SILENT_LOGGER } from './logger';
import { OpenCap } from './open-cap';
import { openDoor } from './open-door';
import type { LinkOptions } from './options';
import { startRoutine } from './routine';
import { BusSession, emptyStats } from './session';
import {
  type BoardReading,
  type DoorAddress,
  LinkError,
  type LinkEvent,
  type LinkState,
  type LinkStats,
  type LockerLink,
  type OpenOutcome,
} from './types';
import { DoorWatch } from './watch';

export interface BusConfig<F> {
  transport: TransportSpec;
  dialect: Dialect<F>;
  /** Boards to read at connect (and poll, Kerong). Line default: every board HELLO reports. */
  boards?: readonly number[];
  options: LinkOptions;
  logger?: LinkLogger;
  /** Time and timers (default: the process clock); tests pass a manual one. */
  clock?: LinkClock;
}

/**
 * One locker bus: keeps a connection up (reconnecting with back-off), runs one command at a
 * time, opens doors by the field's rules, and turns what boards say into debounced door events.
 */
export class BusLink<F> extends EventEmitter implements LockerLink {
  private currentState: LinkState = 'stopped';
  private session: BusSession<F> | null = null;
  private transport: Transport | null = null;
  private boards: number[] = [];
  private seq = 1 + Math.floor(Math.random() * 1000);
  private readonly counters: LinkStats = emptyStats();
  private readonly book: DoorBook;
  private readonly claims: OpenClaims;
  private readonly watch: DoorWatch;
  private readonly opening = new Map<string, Promise<OpenOutcome>>();
  private readonly cap: OpenCap;
  private readonly doorEvents: DoorEvents;
  private readonly log: LinkLogger;
  private readonly options: LinkOptions;
  private running: Promise<void> | null = null;
  private stopping = false;
  private goDown: ((reason: string) => void) | null = null;
  private readonly pause: Pause;
  private readonly clock: LinkClock;

  constructor(private readonly config: BusConfig<F>) {
    super();
    this.options = config.options;
    this.log = config.logger ?? SILENT_LOGGER;
    this.clock = config.clock ?? SYSTEM_CLOCK;
    this.pause = new Pause(this.clock);
    this.claims = new OpenClaims(this.options.jamWindowMs, this.clock);
    this.cap = new OpenCap(this.options.maxOpensPerMinute, this.clock);
    this.book = new DoorBook(this.options.debounceReadings, (change) => this.doorEvents.doorChanged(change));
    this.watch = new DoorWatch(
      this.book,
      this.options,
      (board) => this.readStatus(board, Priority.serveOpen),
      this.clock,
    );
    this.doorEvents = new DoorEvents(
      this.claims,
      this.watch,
      (event) => this.emitEvent(event),
      (board) => void this.readStatus(board, Priority.serveOpen).catch(() => {}),
      this.log,
    );
  }

  get state(): LinkState {
    return this.currentState;
  }

  start(): Promise<void> {
    if (this.running) return Promise.reject(new LinkError('bad_config', 'the link was already started'));
    this.stopping = false;
    return new Promise((resolve, reject) => {
      this.running = this.supervise(resolve, reject);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.goDown?.('stopped');
    this.pause.interrupt();
    await this.running;
  }

  open(door: DoorAddress, options: { pulseMs?: number } = {}): Promise<OpenOutcome> {
    if (
      !Number.isInteger(door.board) ||
      !Number.isInteger(door.channel) ||
      door.board < 0 ||
      door.channel < 0
    ) {
      return Promise.resolve({ kind: 'refused', reason: 'bad door address' });
    }
    const key = `${door.board}:${door.channel}`;
    // One open per door at a time: a second request for the same door shares the first's outcome.
    const running = this.opening.get(key);
    if (running) return running;
    if (this.currentState !== 'ready') {
      return Promise.resolve({
        kind: 'link_down',
        maybeExecuted: false,
        detail: `link is ${this.currentState}`,
      });
    }
    if (!this.cap.take()) return Promise.resolve({ kind: 'refused', reason: 'rate_limited' });
    const pulseMs = options.pulseMs ?? this.options.defaultPulseMs;
    const outcome = openDoor(this.openBus(), door, pulseMs, this.options, this.counters).finally(() =>
      this.opening.delete(key),
    );
    this.opening.set(key, outcome);
    void outcome.then((o) => this.log.info({ board: door.board, channel: door.channel, outcome: o }, 'open'));
    return outcome;
  }

  /** Status reads are harmless to repeat: a lost or garbled reply is retried a few times. */
  async readBoard(board: number): Promise<BoardReading> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readStatus(board, Priority.serveOpen);
      } catch (error) {
        const retry = error instanceof CommandFailure && error.code === 'timeout';
        if (!retry || attempt >= this.options.statusReadAttempts) throw error;
      }
    }
  }

  snapshot(): BoardReading[] {
    return this.book.snapshot();
  }

  stats(): LinkStats {
    return { ...this.counters };
  }

  override on(event: 'event', listener: (event: LinkEvent) => void): this {
    return super.on(event, listener);
  }

  override off(event: 'event', listener: (event: LinkEvent) => void): this {
    return super.off(event, listener);
  }

  private emitEvent(event: LinkEvent): void {
    this.emit('event', event);
  }

  private setState(state: LinkState, reason?: string): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.log.info({ state, reason }, 'link state');
    this.emitEvent(reason === undefined ? { type: 'link', state } : { type: 'link', state, reason });
  }

  private nextSeq = (): number => {
    const seq = this.seq;
    this.seq = seq >= 65535 ? 1 : seq + 1;
    return seq;
  };

  private notReady(): CommandFailure {
    return new CommandFailure(this.stopping ? 'stopped' : 'link_down', `link is ${this.currentState}`, false);
  }

  private async readStatus(board: number, priority: Priority): Promise<BoardReading> {
    const session = this.session;
    if (!session || this.currentState !== 'ready') throw this.notReady();
    const command: LinkCommand = { kind: 'status', board };
    const answered = await session.send(command, { priority, timeoutMs: this.timeoutFor(command) });
    if (answered.reply.kind !== 'status') {
      throw new CommandFailure(
        'nak',
        `board ${board} answered a status read with ${answered.reply.kind}`,
        true,
      );
    }
    this.book.observeBoard(answered.reply.reading);
    return answered.reply.reading;
  }

  /** The board profile's timeout for this command, else the link's. */
  private timeoutFor(command: LinkCommand): number {
    return this.config.dialect.replyTimeoutMs?.(command) ?? this.options.replyTimeoutMs;
  }

  private openBus() {
    return {
      dedupesOpens: this.config.dialect.dedupesOpens,
      settleMs: this.config.dialect.openSettleMs ?? 0,
      now: () => this.clock.now(),
      sleep: (ms: number) => sleep(this.clock, ms),
      nextSeq: this.nextSeq,
      sendOpen: (door: DoorAddress, pulseMs: number, seq: number) => {
        const session = this.session;
        if (!session || this.currentState !== 'ready') return Promise.reject(this.notReady());
        const command: LinkCommand = { kind: 'open', door, pulseMs };
        return session.send(command, { priority: Priority.open, timeoutMs: this.timeoutFor(command), seq });
      },
      readStatus: (board: number) => this.readStatus(board, Priority.serveOpen),
      doorReading: (door: DoorAddress) => this.book.get(door),
      watchOpen: (door: DoorAddress, windowMs: number) => this.watch.until(door, windowMs),
      claim: (door: DoorAddress) => this.claims.claim(door),
    };
  }

  private async supervise(ready: () => void, failed: (error: Error) => void): Promise<void> {
    const backoff = new Backoff(this.options.backoffInitialMs, this.options.backoffMaxMs);
    let everReady = false;
    while (!this.stopping) {
      this.setState('connecting');
      const reason = await this.connectOnce(() => {
        backoff.reset();
        if (everReady) this.counters.reconnects++;
        everReady = true;
        ready();
      }).catch((error: Error) => error);
      if (reason instanceof LinkError && reason.code === 'bad_config') {
        this.log.error({ error: reason.message }, 'link configuration refused');
        failed(reason);
        break;
      }
      if (this.stopping) break;
      const detail = reason instanceof Error ? reason.message : reason;
      this.setState('down', detail);
      await this.pause.for(backoff.take());
    }
    // Stopped before it was ever ready: start() must not wait forever.
    if (!everReady) failed(new LinkError('stopped', 'the link was stopped before it became ready'));
    this.setState('stopped');
    this.running = null;
  }

  /** One connection, from opening the transport to its end; resolves with why it ended. */
  private async connectOnce(becameReady: () => void): Promise<string> {
    const { baudRate, connectTimeoutMs, tcpKeepAliveMs, deviceWatchMs } = this.options;
    const transport = await openTransport(this.config.transport, {
      baudRate,
      connectTimeoutMs,
      tcpKeepAliveMs,
      deviceWatchMs,
    });
    this.transport = transport;
    const down = new Promise<string>((resolve) => {
      this.goDown = resolve;
      transport.onClose((r) => resolve(`transport ${r.kind}: ${r.detail}`));
    });
    const session = new BusSession(transport, {
      dialect: this.config.dialect,
      stats: this.counters,
      missedBeforeDown: this.options.missedBeforeDown,
      hooks: {
        event: (seq, event) => this.doorEvents.boardEvent(seq, event, this.book, this.boards),
        silent: (detail) => this.goDown?.(`silent link: ${detail}`),
        board: (board, state) => this.emitEvent({ type: 'board', board, state }),
      },
      log: this.log,
      nextSeq: this.nextSeq,
      clock: this.clock,
    });
    this.session = session;
    this.doorEvents.reconnected();
    let stopRoutine = () => {};
    try {
      const handshaken = handshake(
        session,
        this.config.dialect.hasEvents,
        this.config.boards,
        this.options,
        (r) => this.book.observeBoard(r),
        (command) => this.timeoutFor(command),
      );
      handshaken.catch(() => {});
      const first = await Promise.race([handshaken, down]);
      if (typeof first === 'string') return first;
      this.boards = first.boards;
      this.setState('ready');
      becameReady();
      stopRoutine = startRoutine(
        session,
        this.config.dialect.hasEvents,
        this.boards,
        this.options,
        (board, p) => this.readStatus(board, p),
        this.clock,
      );
      return await down;
    } finally {
      stopRoutine();
      const reason = await Promise.race([down, Promise.resolve('handshake failed')]);
      session.queue.close(this.stopping ? 'stopped' : 'link_down', reason);
      this.session = null;
      this.goDown = null;
      await transport.close();
      this.transport = null;
    }
  }
}
