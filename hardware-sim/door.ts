import { SimError } from './errors';

/**
 * One locker door as the hardware sees it: a solenoid lock, a door leaf on a spring, and an
 * item (a dossier) that may be inside. Pure: every call takes the current time, nothing
 * schedules itself; the board asks `nextDeadline` when it must look again.
 */
export type SensorFault = 'none' | 'stuck_open' | 'stuck_closed' | 'flicker';

/** What the board's inputs read: lock hook, door switch, presence (infrared) sensor. */
export interface DoorSensing {
  locked: boolean;
  doorOpen: boolean;
  present: boolean;
}

/** The truth, for tests and the console: what a technician standing there would see. */
export interface DoorTruth extends DoorSensing {
  jammed: boolean;
  sensor: SensorFault;
  springsAt: number | null;
}

export class Door {
  private locked = true;
  private open = false;
  private present = false;
  private springsAt: number | null = null;
  /** Set by a lock pulse, cleared when the door shuts: tells a commanded open from a break-in. */
  private commanded = false;
  private flickerPhase = false;
  jammed = false;
  sensor: SensorFault = 'none';

  constructor(private readonly springMs: number) {}

  /**
   * Fire the solenoid. A jammed lock takes the pulse and stays shut. A closed door unlocks and
   * springs open after the spring delay; an open door has nothing to release.
   */
  pulse(now: number): void {
    if (this.jammed || this.open) return;
    this.locked = false;
    this.commanded = true;
    this.springsAt = now + this.springMs;
    this.advance(now);
  }

  /** Let the spring act: an unlocked closed door swings open once its delay has passed. */
  advance(now: number): void {
    if (this.springsAt !== null && now >= this.springsAt && !this.locked && !this.open) {
      this.open = true;
      this.springsAt = null;
    }
  }

  nextDeadline(): number | null {
    return this.springsAt;
  }

  /** A hand pushes the door shut: the solenoid latches, the door is locked again. */
  close(): void {
    this.open = false;
    this.locked = true;
    this.springsAt = null;
    this.commanded = false;
  }

  /** Pried or kicked open, or a lock that let go by itself: open with no pulse. */
  forceOpen(): void {
    if (this.open) return;
    this.open = true;
    this.locked = false;
    this.springsAt = null;
    this.commanded = false;
  }

  putItem(): void {
    this.requireOpen('put an item in');
    this.present = true;
  }

  takeItem(): void {
    this.requireOpen('take an item out');
    this.present = false;
  }

  /** True when the door is open because of a pulse (not forced). */
  get openedByCommand(): boolean {
    return this.open && this.commanded;
  }

  /** What the inputs read without disturbing a flickering sensor (used to detect changes). */
  steadyReading(): DoorSensing {
    let doorOpen = this.open;
    if (this.sensor === 'stuck_open') doorOpen = true;
    if (this.sensor === 'stuck_closed') doorOpen = false;
    return { locked: this.locked, doorOpen, present: this.present };
  }

  /** One read of the inputs, as a status poll sees it: a flickering switch alternates. */
  read(): DoorSensing {
    const reading = this.steadyReading();
    if (this.sensor !== 'flicker') return reading;
    this.flickerPhase = !this.flickerPhase;
    return { ...reading, doorOpen: this.flickerPhase ? !this.open : this.open };
  }

  truth(): DoorTruth {
    return {
      locked: this.locked,
      doorOpen: this.open,
      present: this.present,
      jammed: this.jammed,
      sensor: this.sensor,
      springsAt: this.springsAt,
    };
  }

  private requireOpen(what: string): void {
    if (!this.open) throw new SimError('door_closed', `cannot ${what}: the door is closed`);
  }
}
