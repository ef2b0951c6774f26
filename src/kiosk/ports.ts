import type { Logger } from 'pino';
import type {
  BoardReading,
  LinkState,
  LinkStats,
  ProbeOptions,
  ProbeResult,
  TransportSpec,
} from '../../firmware-bridge';
import type { Ledger } from '../ledger';
import type { Store } from '../store';

/**
 * What the kiosk services need from the world, as interfaces: the composition root plugs in the
 * real ledger, store, links, printer and scanner; tests plug in a real store and ledger over
 * simulated boards, and a clock they move by hand.
 */

/** Milliseconds since the epoch, injected as the ledger takes it: tests move it to expire things. */
export type Clock = () => number;

/** The ledger flows the services drive (every flow that moves a dossier or opens a door). */
export type LedgerPort = Pick<
  Ledger,
  'dropOff' | 'pickup' | 'collection' | 'loading' | 'reclaim' | 'technician' | 'awaitClose' | 'openOperations'
>;

/**
 * The store's repositories the services read (lists, reports, lockers, incidents, maintenance,
 * staff accounts, the door-operation history) and the few they write: staff sign-in counters,
 * audit rows of their own actions and reminder notices. Everything else goes through the ledger.
 */
export type StorePort = Pick<
  Store,
  | 'read'
  | 'write'
  | 'procedures'
  | 'lockers'
  | 'dossiers'
  | 'settings'
  | 'staff'
  | 'audit'
  | 'outbox'
  | 'incidents'
  | 'reports'
  | 'doorOperations'
>;

/** One locker bus (bank) as a technician sees it. */
export interface BankHealth {
  /** The bank number used in the lockers table. */
  readonly bank: number;
  readonly state: LinkState;
  readonly stats: LinkStats;
  /** The last debounced readings of every board that has answered (link.snapshot()). */
  readonly boards: readonly BoardReading[];
}

/** The health of each locker bus, read fresh on every call (cheap: no wire traffic). */
export type LinksHealth = () => readonly BankHealth[];

/**
 * One locker bus as the commissioning probe needs it: where it is wired, what is on it, and its
 * link, which the probe stops while it reads (one master on a bus) and starts again after.
 */
export interface CommissioningBus {
  readonly bank: number;
  /** The bus's board family as configured ('line', 'kerong', ...): only Kerong has a probe today. */
  readonly dialect: string;
  readonly transport: TransportSpec;
  /** The configured boards of the bus, and the locks wired per board. */
  readonly boards: readonly number[];
  readonly channels: number;
  readonly baudRate: number;
  /** How long one status read may take (a gateway's latency included). */
  readonly replyTimeoutMs: number;
  /** Stops the kiosk's own link of this bus; resolves once it is off the wire. */
  stopLink(): Promise<void>;
  /** Starts that link again; it comes up in its own time, as at boot. */
  restartLink(): void;
}

/** The buses the technician may commission, and the probe itself (status reads only). */
export interface CommissioningPort {
  bus(bank: number): CommissioningBus | null;
  probeKerong(options: ProbeOptions): Promise<ProbeResult>;
}

/** A drop-off slip, field for field what the receipt printer lays out. */
export interface PrintableReceipt {
  readonly receiptDisplay: string;
  /** Printed only as a QR, never as text. */
  readonly qrPayload: string;
  readonly procedureVi: string;
  readonly procedureEn: string;
  /** YYYY-MM-DD */
  readonly appointmentDate: string;
  readonly doorNumber: number;
  readonly kioskName: string;
  /** Local date and time of the drop-off, e.g. "21/11/2026 13:05". */
  readonly droppedOffAt?: string;
}

/** Prints a drop-off slip; rejects when the printer failed (the service logs it, never shows it). */
export type ReceiptPrinterPort = (receipt: PrintableReceipt) => Promise<void>;

/** The kiosk's scanner: each line read goes to every subscriber, whose promise ends with its work. */
export interface ScanSource {
  /** Returns the unsubscribe function. */
  subscribe(listener: (text: string) => Promise<void>): () => void;
}

export interface BackupTaken {
  readonly file: string;
  readonly bytes: number;
  readonly ms: number;
}

/** Takes a database backup now (the composition root knows where backups go). */
export type BackupPort = () => Promise<BackupTaken>;

/**
 * The physical actions of the demo simulator, by locker id (the composition root maps a locker
 * to its bank, board and channel). The kiosk layer never imports the simulator itself.
 */
export interface SimulatorControl {
  closeDoor(lockerId: number): void;
  /** Someone pulls the door open without a command (an alarm for the ledger). */
  forceOpen(lockerId: number): void;
  putItem(lockerId: number): void;
  takeItem(lockerId: number): void;
  /** A jammed lock does not release on the next open. */
  jam(lockerId: number, jammed: boolean): void;
  /** The kiosk's barcode scanner reads this text. */
  scan(payload: string): void;
  /** Pulls (true) or plugs back (false) the cable of one bank. */
  cutLink(bank: number, cut: boolean): void;
}

/** The services log through a pino child each (ids, lengths and outcomes only). */
export type KioskLogger = Logger;
