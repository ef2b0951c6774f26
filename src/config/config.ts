import type { BoardProfile, LinkOptions } from '../../firmware-bridge';
import type { CalendarPolicy } from '../domain/calendar';
import type { LockoutPolicy } from '../domain/lockout';
import type { Procedure, StaffRole } from '../store';
import type { LockerSeed } from './lockers';

/** One locker bus, as the daemon builds its link. `bank` is its index in the file's `buses`. */
export interface BusConfig {
  readonly bank: number;
  readonly name: string;
  readonly dialect: 'line' | 'kerong' | '8a' | 'modbus';
  /** A tty path, `tcp://host:port`, or 'embedded' (the demo simulator, in process). */
  readonly connection: string;
  /** The board model with the bank's overrides, resolved; null on a line bus. */
  readonly boardProfile: BoardProfile | null;
  /** Boards with configured doors, and how many channels the widest one uses. */
  readonly boards: readonly number[];
  readonly channels: number;
  readonly link: Partial<LinkOptions>;
}

export interface AccountSeed {
  readonly id: string;
  readonly role: StaffRole;
  readonly pinHash: string;
}

export type NotificationsConfig =
  | { readonly provider: 'log' }
  | { readonly provider: 'webhook'; readonly url: string; readonly secretFile: string };

export interface PrinterConfig {
  /** 'none', 'embedded', `tcp://host:9100` or a tty path. */
  readonly connection: string;
  readonly codePage: number;
  readonly vietnameseText: 'code_page' | 'raster';
  readonly baud: number;
  readonly columns: number;
}

export interface ScannerConfig {
  /** 'none', 'keyboard' (the kiosk page reads a keyboard-wedge scanner), 'embedded' or a tty path. */
  readonly connection: string;
  readonly baud: number;
}

/** The configuration after validation, with defaults filled, times in minutes and paths absolute. */
export interface Config {
  /** The file it was read from, as given. */
  readonly file: string;
  readonly kiosk: {
    readonly code: string;
    readonly name: { readonly vi: string; readonly en: string };
    readonly district: string;
    /** The name texts to citizens carry (plain GSM-7, at most 40 characters). */
    readonly smsName: string;
  };
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly officeHost: string | null;
    readonly sessionMinutes: number;
    readonly loginLockout: { readonly maxFailures: number; readonly lockMinutes: number };
    readonly requestsPerMinute: number;
    readonly attemptsPerMinute: number;
    readonly presenceCode: { readonly digits: number; readonly rotateSeconds: number };
  };
  readonly buses: readonly BusConfig[];
  readonly lockers: readonly LockerSeed[];
  readonly procedures: readonly Procedure[];
  readonly calendar: CalendarPolicy;
  readonly lockout: LockoutPolicy;
  readonly opensPerMinute: number;
  readonly retention: { readonly reclaimAfterDays: number; readonly retentionDays: number };
  readonly reminders: { readonly afterDays: readonly number[]; readonly sendAtMinute: number };
  readonly store: {
    readonly path: string;
    readonly backupDir: string;
    readonly backupEveryMs: number;
    readonly keepBackups: number;
    readonly integrityCheckEveryMs: number;
  };
  readonly kioskKeyFile: string;
  readonly printer: PrinterConfig | null;
  readonly scanner: ScannerConfig | null;
  readonly notifications: NotificationsConfig;
  readonly accounts: readonly AccountSeed[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Embedded buses only: simulated hands fill or empty an opened door and shut it after this. */
  readonly demo: { readonly handsAfterMs: number } | null;
}
