import type { DoorOutcome, DoorReading } from '../../src/domain/door';
import type { DoorListener, DoorPort } from '../../src/ledger/door-port';

interface FakeDoor {
  open: boolean;
  present: boolean | null;
}

/**
 * A bank of doors in memory for unit tests: open() does what the next scripted outcome says
 * (default: the door swings open), and the test's hands close doors, put and take items.
 */
export class FakeDoors implements DoorPort {
  readonly doors = new Map<number, FakeDoor>();
  readonly opens: number[] = [];
  private readonly scripted = new Map<number, DoorOutcome[]>();
  private readonly listeners = new Set<DoorListener>();
  /** Lockers whose reading fails (a board that does not answer). */
  readonly unreadable = new Set<number>();
  ready = true;

  constructor(lockerIds: readonly number[], presenceSensor = true) {
    for (const id of lockerIds) this.doors.set(id, { open: false, present: presenceSensor ? false : null });
  }

  private door(id: number): FakeDoor {
    const d = this.doors.get(id);
    if (!d) throw new Error(`fake: no locker ${id}`);
    return d;
  }

  /** The next open of this locker ends like this (and does not move the door unless 'opened'). */
  script(lockerId: number, outcome: DoorOutcome): void {
    const list = this.scripted.get(lockerId) ?? [];
    list.push(outcome);
    this.scripted.set(lockerId, list);
  }

  async open(lockerId: number): Promise<DoorOutcome> {
    this.opens.push(lockerId);
    const outcome = this.scripted.get(lockerId)?.shift() ?? { kind: 'opened' };
    if (outcome.kind === 'opened') {
      this.door(lockerId).open = true;
      this.emit({ type: 'opened', lockerId, commanded: true });
    }
    return outcome;
  }

  async read(lockerId: number): Promise<DoorReading> {
    if (this.unreadable.has(lockerId)) throw new Error('fake: board does not answer');
    const d = this.door(lockerId);
    return { locked: !d.open, open: d.open, present: d.present };
  }

  async readAll(): Promise<Map<number, DoorReading | null>> {
    const out = new Map<number, DoorReading | null>();
    for (const id of this.doors.keys()) out.set(id, await this.read(id).catch(() => null));
    return out;
  }

  cached(lockerId: number): DoorReading | null {
    const d = this.doors.get(lockerId);
    return d ? { locked: !d.open, open: d.open, present: d.present } : null;
  }

  async whenReady(): Promise<boolean> {
    return this.ready;
  }

  subscribe(listener: DoorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: Parameters<DoorListener>[0]): void {
    for (const l of this.listeners) l(event);
  }

  // The test's hands.
  putItem(lockerId: number): void {
    const d = this.door(lockerId);
    if (d.present !== null) d.present = true;
  }
  takeItem(lockerId: number): void {
    const d = this.door(lockerId);
    if (d.present !== null) d.present = false;
  }
  close(lockerId: number): void {
    const d = this.door(lockerId);
    d.open = false;
    this.emit({ type: 'closed', lockerId, present: d.present });
  }
  forceOpen(lockerId: number): void {
    this.door(lockerId).open = true;
    this.emit({ type: 'uncommanded_open', lockerId });
  }
  /** Sets a door's state silently (as a crash would leave it). */
  set(lockerId: number, state: Partial<FakeDoor>): void {
    Object.assign(this.door(lockerId), state);
  }
}
