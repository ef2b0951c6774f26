import type { EventHub } from './events';
import type { OpensCap } from './opens-cap';
import type {
  BackupPort,
  Clock,
  KioskLogger,
  LedgerPort,
  LinksHealth,
  ReceiptPrinterPort,
  StorePort,
} from './ports';
import type { PresenceCode } from './presence-code';
import type { ScanDesk } from './scan-desk';
import type { SessionBook } from './sessions';
import type { KioskSettings } from './settings';
import type { TicketBook } from './tickets';

/** What the services share: the ports they were given and the kiosk's own in-memory books. */
export interface KioskContext {
  readonly ledger: LedgerPort;
  readonly store: StorePort;
  readonly linksHealth: LinksHealth;
  readonly printReceipt: ReceiptPrinterPort | null;
  readonly backupNow: BackupPort | null;
  readonly clock: Clock;
  /** The kiosk layer's logger (layer: kiosk); each service takes a child. */
  readonly logger: KioskLogger;
  readonly settings: KioskSettings;
  /** The live feed: the source's events plus what the services announce. */
  readonly hub: EventHub;
  readonly tickets: TicketBook;
  readonly opens: OpensCap;
  readonly scanDesk: ScanDesk;
  readonly presence: PresenceCode;
  readonly sessions: SessionBook;
}
