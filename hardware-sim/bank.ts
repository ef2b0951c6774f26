import { Board, type BoardOptions, type FireVerdict } from './board';
import type { Cancel, Scheduler } from './clock';
import type { DoorSensing, DoorTruth, SensorFault } from './door';
import { SimError } from './errors';

/** A door going open this soon after its lock fired is the firmware's "OPENED", later "UNCOMMANDED". */
export const COMMANDED_WINDOW_MS = 5000;

/** A change the board's inputs saw (sensor readings, not the hidden truth). */
export type PhysicalChange =
  | { kind: 'door'; board: number; channel: number; open: boolean; commanded: boolean }
  | { kind: 'presence'; board: number; channel: number; present: boolean }
  | { kind: 'fault'; board: number; code: string };

/** One pulse of one solenoid, and the host command that caused it (e.g. "line seq 17"). */
export interface FireRecord {
  at: number;
  board: number;
  channel: number;
  cause: string;
  bulk: boolean;
}

export interface BankCounters {
  fires: number;
  bulkFires: number;
  refused: number;
  cooldown: number;
  commandedOpens: number;
  uncommandedOpens: number;
  closes: number;
}

/**
 * Every board on one bus, with the record of every lock fire. Time comes from the injected
 * scheduler; a door's spring is the only thing that acts on its own.
 */
export class Bank {
  readonly boards: Board[];
  readonly fires: FireRecord[] = [];
  readonly counters: BankCounters = {
    fires: 0,
    bulkFires: 0,
    refused: 0,
    cooldown: 0,
    commandedOpens: 0,
    uncommandedOpens: 0,
    closes: 0,
  };
  private readonly listeners = new Set<(change: PhysicalChange) => void>();
  private readonly fireListeners = new Set<(record: FireRecord) => void>();
  private springTimer: Cancel | null = null;

  constructor(
    boards: number,
    options: BoardOptions,
    private readonly scheduler: Scheduler,
  ) {
    this.boards = Array.from({ length: boards }, (_, i) => new Board(i, options));
  }

  get doorsPerBoard(): number {
    return this.boards[0]?.doors.length ?? 0;
  }

  onChange(listener: (change: PhysicalChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onFire(listener: (record: FireRecord) => void): () => void {
    this.fireListeners.add(listener);
    return () => this.fireListeners.delete(listener);
  }

  board(index: number): Board {
    const board = this.boards[index];
    if (!board) throw new SimError('range', `no board ${index} (0-${this.boards.length - 1})`);
    return board;
  }

  has(board: number, channel: number): boolean {
    return board >= 0 && board < this.boards.length && channel >= 0 && channel < this.doorsPerBoard;
  }

  /** Fire one lock for a host command, unless the board refuses; every fire is recorded. */
  fire(board: number, channel: number, cause: string, bulk = false): FireVerdict {
    const now = this.scheduler.now();
    const target = this.board(board);
    const verdict = target.verdict(channel, now);
    if (verdict === 'refused') this.counters.refused++;
    if (verdict === 'cooldown') this.counters.cooldown++;
    if (verdict !== 'ok') return verdict;
    const record: FireRecord = { at: now, board, channel, cause, bulk };
    this.fires.push(record);
    this.counters.fires++;
    for (const listener of this.fireListeners) listener(record);
    if (bulk) this.counters.bulkFires++;
    this.act(board, channel, () => target.fire(channel, now));
    return 'ok';
  }

  firesFor(cause: string): FireRecord[] {
    return this.fires.filter((f) => f.cause === cause);
  }

  /** One read of a door's inputs, as a status poll does it (a flickering switch alternates). */
  read(board: number, channel: number): DoorSensing {
    return this.board(board).door(channel).read();
  }

  truth(board: number, channel: number): DoorTruth {
    return this.board(board).door(channel).truth();
  }

  closeDoor(board: number, channel: number): void {
    this.act(board, channel, (door) => door.close());
  }

  forceOpen(board: number, channel: number): void {
    this.act(board, channel, (door) => door.forceOpen());
  }

  putItem(board: number, channel: number): void {
    this.act(board, channel, (door) => door.putItem());
  }

  takeItem(board: number, channel: number): void {
    this.act(board, channel, (door) => door.takeItem());
  }

  jam(board: number, channel: number, jammed: boolean): void {
    this.act(board, channel, (door) => {
      door.jammed = jammed;
    });
  }

  setSensor(board: number, channel: number, fault: SensorFault): void {
    this.act(board, channel, (door) => {
      door.sensor = fault;
    });
  }

  /** A board reports a fault of its own (a code such as OVERHEAT); only the line dialect can say so. */
  reportFault(board: number, code: string): void {
    this.board(board);
    this.emit({ kind: 'fault', board, code });
  }

  refuseOpens(board: number, refuse: boolean): void {
    this.board(board).refuseOpens = refuse;
  }

  /** Stop the spring timer (the simulator is stopping). */
  stop(): void {
    this.springTimer?.();
    this.springTimer = null;
  }

  /** Apply a change to one door and report what its inputs saw change. */
  private act(board: number, channel: number, change: (door: ReturnType<Board['door']>) => void): void {
    const door = this.board(board).door(channel);
    const before = door.steadyReading();
    change(door);
    door.advance(this.scheduler.now());
    this.report(board, channel, before);
    this.armSpring();
  }

  private report(board: number, channel: number, before: DoorSensing): void {
    const door = this.board(board).door(channel);
    const after = door.steadyReading();
    if (before.doorOpen !== after.doorOpen) {
      const fired = this.board(board).lastFireAt(channel);
      const now = this.scheduler.now();
      const commanded = after.doorOpen && fired !== null && now - fired <= COMMANDED_WINDOW_MS;
      if (after.doorOpen && commanded) this.counters.commandedOpens++;
      if (after.doorOpen && !commanded) this.counters.uncommandedOpens++;
      if (!after.doorOpen) this.counters.closes++;
      this.emit({ kind: 'door', board, channel, open: after.doorOpen, commanded });
    }
    if (before.present !== after.present) {
      this.emit({ kind: 'presence', board, channel, present: after.present });
    }
  }

  private emit(change: PhysicalChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Wake up when the next door is due to spring open. */
  private armSpring(): void {
    this.springTimer?.();
    this.springTimer = null;
    let next: number | null = null;
    for (const board of this.boards) {
      for (const door of board.doors) {
        const at = door.nextDeadline();
        if (at !== null && (next === null || at < next)) next = at;
      }
    }
    if (next === null) return;
    this.springTimer = this.scheduler.at(next, () => {
      this.springTimer = null;
      this.tick();
    });
  }

  private tick(): void {
    const now = this.scheduler.now();
    this.boards.forEach((board, b) => {
      board.doors.forEach((door, ch) => {
        const before = door.steadyReading();
        door.advance(now);
        this.report(b, ch, before);
      });
    });
    this.armSpring();
  }
}
