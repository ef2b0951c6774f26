import type { DoorOutcome, DoorReading } from '../domain/door';

/**
 * The ledger's view of the doors, by locker id (the store's lockers.id). Which bus, board and
 * channel a locker is wired to stays behind this interface, so flows and tests never see it.
 */
export type DoorEvent =
  | { readonly type: 'opened'; readonly lockerId: number; readonly commanded: boolean }
  /** `present` is the presence sensor read when the door closed; null where there is none. */
  | { readonly type: 'closed'; readonly lockerId: number; readonly present: boolean | null }
  | { readonly type: 'uncommanded_open'; readonly lockerId: number };

export type DoorListener = (event: DoorEvent) => void;

export interface DoorPort {
  /** Opens one door; never rejects: a failure is a DoorOutcome (link_down, maybe executed, when unsure). */
  open(lockerId: number): Promise<DoorOutcome>;
  /** A fresh reading from the wire; rejects when the door cannot be read. */
  read(lockerId: number): Promise<DoorReading>;
  /** Every known locker's fresh reading; null where its bus could not be read. */
  readAll(): Promise<Map<number, DoorReading | null>>;
  /** The last reading without touching the wire (used inside write transactions); null if unknown. */
  cached(lockerId: number): DoorReading | null;
  /** Resolves true once every bus is ready, false if that did not happen within timeoutMs. */
  whenReady(timeoutMs: number): Promise<boolean>;
  /** Subscribes to door events; returns the unsubscribe function. */
  subscribe(listener: DoorListener): () => void;
}
