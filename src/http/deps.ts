import type { Logger } from 'pino';
import type { BoardReading, LinkState, LinkStats } from '../../firmware-bridge/driver/types';
import type { BilingualMessage } from '../domain/errors';
import type { Ledger } from '../ledger';
import type { Store } from '../store';

/**
 * Everything the HTTP application needs, as interfaces: the daemon's composition root builds
 * these from the real hardware; tests build them from a real store, the real ledger and
 * simulated boards. Nothing here is created by the HTTP layer itself.
 */
export interface AppDeps {
  /** The ledger services (every flow that moves a dossier or opens a door). */
  readonly ledger: Ledger;
  /**
   * The store, read for lists, reports, lockers, incidents, settings (maintenance mode), staff
   * accounts (PIN hashes and login lockout counters) and the door-operation history. The HTTP
   * layer writes only staff login counters, audit rows of its own actions and reminder notices.
   */
  readonly store: Store;
  /** The health of each locker bus, read fresh on every call (cheap: no wire traffic). */
  readonly linksHealth: () => readonly BankHealth[];
  /** Door, link and maintenance events pushed to the kiosk screen over the websocket. */
  readonly events: KioskEventSource;
  /** Present only when the embedded simulator runs (demo mode): mounts /api/v1/sim. */
  readonly simulator?: SimulatorControl;
  /** Prints the drop-off receipt when the kiosk has a printer; a failure is logged, never shown. */
  readonly printReceipt?: (receipt: PrintableReceipt) => Promise<void>;
  /**
   * Lines read by the kiosk's own scanner (a serial port; a keyboard-wedge scanner types into the
   * kiosk page instead). The app subscribes and starts pickups from our receipt QRs.
   */
  readonly scans?: ScanSource;
  /** Takes a database backup now (the composition root knows where backups go). */
  readonly backupNow?: () => Promise<BackupTaken>;
  /** Milliseconds since the epoch; tests move it to expire sessions and locks. */
  readonly clock: () => number;
  /** The daemon's pino logger; the app takes a child with an allowlist of fields. */
  readonly logger: Logger;
  readonly config: HttpConfig;
}

/** One locker bus (bank) as a technician sees it. */
export interface BankHealth {
  /** The bank number used in the lockers table. */
  readonly bank: number;
  readonly state: LinkState;
  readonly stats: LinkStats;
  /** The last debounced readings of every board that has answered (link.snapshot()). */
  readonly boards: readonly BoardReading[];
}

/** What the kiosk screen hears; ids and door numbers only, never a name, a code or a payload. */
export type KioskEvent =
  | {
      readonly type: 'door';
      readonly lockerId: number;
      readonly change: 'opened' | 'closed' | 'uncommanded_open';
    }
  | { readonly type: 'link'; readonly bank: number; readonly state: LinkState }
  | { readonly type: 'maintenance'; readonly on: boolean }
  /**
   * A kiosk flow moved on (announced by the app itself, not by the source): the screen then reads
   * the details with its own ticket. No ticket, receipt or dossier id is broadcast.
   */
  | {
      readonly type: 'progress';
      readonly flow: 'dropoff' | 'pickup';
      readonly door: number;
      readonly status:
        | 'door_open'
        | 'deposited'
        | 'cancelled'
        | 'picked_up'
        | 'left_inside'
        | 'needs_inspection';
    }
  /**
   * The kiosk's scanner read a receipt: its door opened (the screen claims the ticket with
   * POST /pickups/scanned) or it was refused with this code. What was scanned is never broadcast.
   */
  | { readonly type: 'scan'; readonly outcome: 'door_open'; readonly door: number }
  | {
      readonly type: 'scan';
      readonly outcome: 'refused';
      readonly code: string;
      readonly message: BilingualMessage;
    };

/** The kiosk's scanner: each line read goes to every subscriber, whose promise ends with its work. */
export interface ScanSource {
  /** Returns the unsubscribe function. */
  subscribe(listener: (text: string) => Promise<void>): () => void;
}

export interface KioskEventSource {
  /** Subscribes to kiosk events; returns the unsubscribe function. */
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

/**
 * The physical actions of the demo simulator, by locker id (the composition root maps a locker
 * to its bank, board and channel). The HTTP layer never imports the simulator itself.
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

export interface BackupTaken {
  readonly file: string;
  readonly bytes: number;
  readonly ms: number;
}

export interface HttpConfig {
  /** Where the kiosk screen connects; default 127.0.0.1. Anything else exposes the citizen API. */
  readonly host: string;
  /** TCP port for every bound host (0 = any free port, for tests). */
  readonly port: number;
  /**
   * An address on the office LAN for staff and technicians (e.g. 10.0.0.5), or null. When set,
   * the server also binds it, and citizen endpoints answer only to loopback clients.
   */
  readonly officeHost: string | null;
  /** Printed on receipts, e.g. "UBND Quận 1 - Bộ phận một cửa". */
  readonly kioskName: string;
  /** A staff session ends this long after sign-in (default 8 h). */
  readonly sessionTtlMs: number;
  /** Consecutive wrong PINs that lock an account, and for how long (defaults 5, 15 min). */
  readonly loginMaxFailures: number;
  readonly loginLockMs: number;
  /** Door opens per minute for the whole kiosk, every path included (default 30). */
  readonly opensPerMinute: number;
  /** The kiosk presence code: digits shown only on the kiosk screen, and how often it changes. */
  readonly presenceCodeDigits: number;
  readonly presenceCodeRotateMs: number;
  /** Requests per minute per key (IP, receipt number or account) before 429 (default 60). */
  readonly requestsPerMinute: number;
  /** Wrong pickup or login attempts per minute per receipt number or account id (default 10). */
  readonly attemptsPerMinute: number;
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  host: '127.0.0.1',
  port: 8080,
  officeHost: null,
  kioskName: 'Bộ phận một cửa',
  sessionTtlMs: 8 * 3_600_000,
  loginMaxFailures: 5,
  loginLockMs: 15 * 60_000,
  opensPerMinute: 30,
  presenceCodeDigits: 6,
  presenceCodeRotateMs: 60_000,
  requestsPerMinute: 120,
  attemptsPerMinute: 10,
};
