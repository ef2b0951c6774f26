import { bulkOpen } from './bulk-open';
import { commissioning } from './commissioning';
import type { KioskContext } from './context';
import { dropOffs } from './drop-offs';
import { EventHub, type KioskEventSource } from './events';
import { kioskStatus } from './kiosk-status';
import { lateDossiers } from './late-dossiers';
import { linksReport } from './links-report';
import { OpensCap } from './opens-cap';
import { pickups } from './pickups';
import type {
  BackupPort,
  Clock,
  CommissioningPort,
  KioskLogger,
  LedgerPort,
  LinksHealth,
  ReceiptPrinterPort,
  ScanSource,
  SimulatorControl,
  StorePort,
} from './ports';
import { PresenceCode } from './presence-code';
import { procedures } from './procedures';
import { reminders } from './reminders';
import { reportFigures } from './report-figures';
import { ScanDesk } from './scan-desk';
import { scanPickups } from './scan-pickups';
import { SessionBook } from './sessions';
import type { KioskSettings } from './settings';
import { simulatorHands } from './simulator-hands';
import { staffDesk } from './staff-desk';
import { staffSessions } from './staff-sessions';
import { technicianDesk } from './technician';
import { TicketBook } from './tickets';

/**
 * The services log ids, lengths and outcomes only; this list is a second net for anything
 * personal or secret that would slip into a log call by mistake (as the HTTP shell's is).
 */
const REDACT = ['*.pin', '*.code', '*.qr', '*.qrPayload', '*.name', '*.phone', '*.token', '*.secondFactor'];

/** Everything the kiosk services are built from; nothing here is created by the services. */
export interface KioskDeps {
  readonly ledger: LedgerPort;
  readonly store: StorePort;
  readonly linksHealth: LinksHealth;
  /** Door and link events from the hardware side, relayed to the kiosk screen. */
  readonly events: KioskEventSource;
  /** Prints the drop-off receipt when the kiosk has a printer. */
  readonly printReceipt?: ReceiptPrinterPort;
  /**
   * Lines read by the kiosk's own scanner (a serial port; a keyboard-wedge scanner types into the
   * kiosk page instead): the kiosk starts pickups from our receipt QRs.
   */
  readonly scans?: ScanSource;
  readonly backupNow?: BackupPort;
  /** The buses a technician may commission from the console, and the probe (status reads only). */
  readonly commissioning?: CommissioningPort;
  /** Present only when the embedded simulator runs (demo mode). */
  readonly simulator?: SimulatorControl;
  readonly clock: Clock;
  /** The daemon's logger; the kiosk takes a child (layer: kiosk). */
  readonly logger: KioskLogger;
  readonly settings: KioskSettings;
}

/**
 * The kiosk's application layer: one service per idea, over the ledger and the store, shared by
 * every front end (the HTTP shell today; the hub's commands or a CLI could call the same). The
 * scanner's pickups run here, with no front end involved: the screen is told by an event.
 */
export function createKiosk(deps: KioskDeps) {
  const { clock, settings } = deps;
  const ctx: KioskContext = {
    ledger: deps.ledger,
    store: deps.store,
    linksHealth: deps.linksHealth,
    printReceipt: deps.printReceipt ?? null,
    backupNow: deps.backupNow ?? null,
    clock,
    logger: deps.logger.child({ layer: 'kiosk' }, { redact: { paths: REDACT, censor: '[hidden]' } }),
    settings,
    hub: new EventHub(),
    tickets: new TicketBook(clock),
    // Carried over a restart: the opens the store recorded in the last minute still count.
    opens: new OpensCap(
      settings.opensPerMinute,
      clock,
      deps.store.doorOperations.latestStarts(settings.opensPerMinute),
    ),
    scanDesk: new ScanDesk(clock),
    presence: new PresenceCode(settings.presenceCodeDigits, settings.presenceCodeRotateMs, clock),
    sessions: new SessionBook(settings.sessionTtlMs, clock),
  };
  const offEvents = deps.events.subscribe((e) => ctx.hub.publish(e));
  const offScans = deps.scans?.subscribe(scanPickups(ctx)) ?? (() => {});

  return {
    /** The live feed the kiosk screen hears. */
    events: ctx.hub as KioskEventSource,
    status: kioskStatus(ctx),
    procedures: procedures(ctx),
    dropOffs: dropOffs(ctx),
    pickups: pickups(ctx),
    presenceCode: { current: () => ctx.presence.current() },
    staffSessions: staffSessions(ctx),
    staffDesk: staffDesk(ctx),
    reminders: reminders(ctx),
    lateDossiers: lateDossiers(ctx),
    reportFigures: reportFigures(ctx),
    technician: technicianDesk(ctx),
    bulkOpen: bulkOpen(ctx),
    /** The commissioning probe of one bank, refused unless its doors are idle, shut and empty. */
    commission: commissioning(ctx, deps.commissioning ?? null),
    linksReport: linksReport(ctx),
    simulator: deps.simulator ? simulatorHands(ctx, deps.simulator) : null,
    /** Ends every long poll now (the front end is closing); the screens poll again after restart. */
    releaseWaiters: () => ctx.tickets.releaseWaiters(),
    /** Stops hearing the scanner and the hardware events. */
    stop(): void {
      offEvents();
      offScans();
    },
  };
}

export type Kiosk = ReturnType<typeof createKiosk>;
