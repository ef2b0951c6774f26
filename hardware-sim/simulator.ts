import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { duplexPair } from '../firmware-bridge/duplex-pair';
import { Bank, type BankCounters, type FireRecord } from './bank';
import { Bus } from './bus';
import { PreciseScheduler, type Scheduler } from './clock';
import type { DoorSensing, DoorTruth } from './door';
import type { SimEvent } from './events';
import { Faults } from './faults';
import { type HostFrame, HostFrames } from './host-frames';
import { KerongResponder } from './kerong-responder';
import { KERONG_BOARDS, type KnobSettings, Knobs } from './knobs';
import { LineResponder } from './line-responder';
import { Lock8aResponder } from './lock8a-responder';
import { ModbusResponder } from './modbus-responder';
import { OpenAudit } from './open-audit';
import {
  dialectKnobs,
  kerongProfileKnobs,
  type ResolvedOptions,
  resolveOptions,
  type SimulatorOptions,
} from './options';
import { seededRandom } from './prng';
import { PtyEndpoint } from './pty-endpoint';
import { type BoardContext, hexText, lineText, type Responder } from './responder';
import { TcpEndpoint } from './tcp-endpoint';
import { Wire, type WireStats } from './wire';

export type { SimEvent } from './events';
export type { HostFrame } from './host-frames';
export { KERONG_BOARDS, type KerongBoard, type KnobSettings, type Polarity } from './knobs';
export { DIALECTS, type Dialect, type SimulatorOptions } from './options';

/**
 * A Kerong board when no driver profile is given, as the field's answer (shared reference
 * hardware.md): the status reply carries 0x35 and nothing comes back after an unlock, as
 * suryavirkapur/kerong-lib (kerong_client.cpp, README) and julio-alv/lkaas-kerong (board.rs) read
 * it. The hook polarity is the lock switch's wiring, not the board model: it stays normal (a set
 * bit = locked and shut, lkaas-kerong's reading and the driver's default cu16 profile), so an
 * uncommissioned bank reads right; `wire: KERONG_BOARDS['kerong-lib']` flips it as well.
 * `wire` settings apply over this or a profile.
 */
const FIELD_KERONG_BOARD: Partial<KnobSettings> = {
  ...KERONG_BOARDS['kerong-lib'],
  polarity: 'normal',
};

/** Simulated locker boards on one bus, reachable in process, over TCP or through a pty. */
export interface Simulator {
  readonly options: Readonly<ResolvedOptions>;
  readonly scheduler: Scheduler;
  readonly bank: Bank;
  readonly faults: Faults;
  /** Echo, collisions, late replies, silent unlocks, dead and busy boards, polarity, reply variants. */
  readonly knobs: Knobs;
  readonly wireStats: Readonly<WireStats>;
  /** Every lock fire, in order, with the host command that caused it. */
  readonly fires: readonly FireRecord[];
  readonly counters: Readonly<BankCounters>;
  /** How the host asked for opens, as the boards received them (resends need a status read first). */
  readonly audit: OpenAudit;
  readonly connected: boolean;

  closeDoor(board: number, channel: number): void;
  forceOpen(board: number, channel: number): void;
  putItem(board: number, channel: number): void;
  takeItem(board: number, channel: number): void;
  jam(board: number, channel: number): void;
  unjam(board: number, channel: number): void;
  stuckSensor(board: number, channel: number, reads: 'open' | 'closed' | 'off'): void;
  flicker(board: number, channel: number, on: boolean): void;
  refuseOpens(board: number, refuse: boolean): void;

  /** What the board's inputs read now (a flickering sensor is not disturbed). */
  reading(board: number, channel: number): DoorSensing;
  /** The physical truth of a door, whatever its sensors say. */
  truth(board: number, channel: number): DoorTruth;
  firesFor(cause: string): FireRecord[];

  /**
   * Wait for the next frame the boards accept from the host that `predicate` matches (on the
   * simulator's clock); rejects after `timeoutMs`. Frames received before the call do not count.
   */
  expectHostFrame(timeoutMs: number, predicate?: (frame: HostFrame) => boolean): Promise<HostFrame>;

  /** A fresh in-memory cable; the caller holds the host end. Replaces any current connection. */
  connectPipe(): Duplex;
  /** Serve the bus on `tcp://127.0.0.1:PORT` (0 = any free port); resolves with the bound port. */
  listen(url: string): Promise<number>;
  /** Make a pty at `path` (via socat) bridged to the bus; resolves once the path exists. */
  pty(path: string): Promise<void>;
  /** Close every endpoint, kill socat, stop all timers. */
  stop(): Promise<void>;

  on(event: 'event', listener: (event: SimEvent) => void): this;
  off(event: 'event', listener: (event: SimEvent) => void): this;
}

class LockerSimulator extends EventEmitter implements Simulator {
  readonly options: Readonly<ResolvedOptions>;
  readonly scheduler: Scheduler;
  readonly bank: Bank;
  readonly faults: Faults;
  readonly knobs: Knobs;
  readonly audit = new OpenAudit();
  private readonly hostFrames: HostFrames;
  private readonly wire: Wire;
  private readonly bus: Bus;
  private tcp: TcpEndpoint | null = null;
  private internalTcp: TcpEndpoint | null = null;
  private readonly ptys: PtyEndpoint[] = [];

  constructor(options: SimulatorOptions) {
    super();
    this.options = resolveOptions(options);
    const { dialect, boards, doors, baud, reactionMs, springMs, cooldownMs, seed } = this.options;
    this.scheduler = options.scheduler ?? new PreciseScheduler();
    this.bank = new Bank(boards, { doors, springMs, cooldownMs }, this.scheduler);
    const scheduler = this.scheduler;
    this.knobs = new Knobs(boards, () => scheduler.now());
    this.knobs.apply(dialectKnobs(dialect));
    if (dialect === 'kerong')
      this.knobs.apply(options.profile ? kerongProfileKnobs(options.profile) : FIELD_KERONG_BOARD);
    this.knobs.apply(this.options.wire);
    const note = (event: SimEvent) => this.emit('event', event);
    this.hostFrames = new HostFrames(scheduler);
    this.on('event', (event: SimEvent) => this.hostFrames.observe(event));
    this.wire = new Wire(scheduler, {
      baud,
      reactionMs,
      collisions: () => this.knobs.collisions,
      onCollision: () => note({ type: 'fault', fault: 'collision', detail: 'host and board talked at once' }),
    });
    const makeResponder = (hooks: BoardContext['hooks']): Responder => {
      const context: BoardContext = {
        bank: this.bank,
        hooks,
        audit: this.audit,
        knobs: this.knobs,
        scheduler,
      };
      if (dialect === 'line') return new LineResponder(this.bank, hooks, this.audit);
      if (dialect === '8a') return new Lock8aResponder(context);
      if (dialect === 'modbus') return new ModbusResponder(context);
      return new KerongResponder(context);
    };
    this.bus = new Bus(
      scheduler,
      this.wire,
      makeResponder,
      dialect === 'line' ? lineText : hexText,
      note,
      this.knobs,
    );
    this.faults = new Faults(seededRandom(seed), this.bank, this.bus, ({ fault, detail }) =>
      note({ type: 'fault', fault, detail }),
    );
    this.bus.faults = this.faults;
    this.bank.onChange((change) => note({ type: 'physical', change }));
    this.bank.onFire((record) => note({ type: 'fire', record }));
  }

  get wireStats(): Readonly<WireStats> {
    return this.wire.stats;
  }
  get fires(): readonly FireRecord[] {
    return this.bank.fires;
  }
  get counters(): Readonly<BankCounters> {
    return this.bank.counters;
  }
  get connected(): boolean {
    return this.bus.connected;
  }

  closeDoor(board: number, channel: number): void {
    this.bank.closeDoor(board, channel);
  }
  forceOpen(board: number, channel: number): void {
    this.bank.forceOpen(board, channel);
  }
  putItem(board: number, channel: number): void {
    this.bank.putItem(board, channel);
  }
  takeItem(board: number, channel: number): void {
    this.bank.takeItem(board, channel);
  }
  jam(board: number, channel: number): void {
    this.faults.jam(board, channel, true);
  }
  unjam(board: number, channel: number): void {
    this.faults.jam(board, channel, false);
  }
  stuckSensor(board: number, channel: number, reads: 'open' | 'closed' | 'off'): void {
    this.faults.stuckSensor(board, channel, reads);
  }
  flicker(board: number, channel: number, on: boolean): void {
    this.faults.flicker(board, channel, on);
  }
  refuseOpens(board: number, refuse: boolean): void {
    this.faults.refuseOpens(board, refuse);
  }

  reading(board: number, channel: number): DoorSensing {
    return this.bank.board(board).door(channel).steadyReading();
  }
  truth(board: number, channel: number): DoorTruth {
    return this.bank.truth(board, channel);
  }
  firesFor(cause: string): FireRecord[] {
    return this.bank.firesFor(cause);
  }

  expectHostFrame(timeoutMs: number, predicate?: (frame: HostFrame) => boolean): Promise<HostFrame> {
    return this.hostFrames.expect(timeoutMs, predicate);
  }

  connectPipe(): Duplex {
    const [host, board] = duplexPair();
    this.bus.attach(board, 'pipe');
    return host;
  }

  async listen(url: string): Promise<number> {
    if (this.tcp) throw new Error(`already listening on port ${this.tcp.port}`);
    this.tcp = await TcpEndpoint.open(url, (socket, endpoint) => this.bus.attach(socket, endpoint));
    return this.tcp.port;
  }

  async pty(path: string): Promise<void> {
    const port = this.tcp?.port ?? (await this.ownTcp()).port;
    const log = (message: string) => this.emit('event', { type: 'warning', message } satisfies SimEvent);
    this.ptys.push(await PtyEndpoint.open(path, port, log));
  }

  async stop(): Promise<void> {
    for (const pty of this.ptys.splice(0)) await pty.close();
    this.bus.close();
    await this.tcp?.close();
    await this.internalTcp?.close();
    this.tcp = null;
    this.internalTcp = null;
    this.bank.stop();
    this.wire.reset();
    this.hostFrames.stop();
    if (this.scheduler instanceof PreciseScheduler) this.scheduler.stop();
  }

  private async ownTcp(): Promise<TcpEndpoint> {
    this.internalTcp ??= await TcpEndpoint.open('tcp://127.0.0.1:0', (socket, endpoint) =>
      this.bus.attach(socket, `pty via ${endpoint}`),
    );
    return this.internalTcp;
  }
}

export function createSimulator(options: SimulatorOptions): Simulator {
  return new LockerSimulator(options);
}
