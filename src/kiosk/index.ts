/**
 * The kiosk's application layer: the services every front end calls, their ports and the events
 * the kiosk screen hears. What the HTTP shell and the composition root import.
 */
export type { BulkOpenResult } from './bulk-open';
export type { CommissionBoardNote, CommissionMisfit, CommissionReport } from './commissioning';
export type { OpenedDoor } from './door-reply';
export type { DropOffReceipt, DropOffStart, TicketReply } from './drop-offs';
export { EventHub, type KioskEvent, type KioskEventSource } from './events';
export { checkHealth, type HealthReport, linksUp } from './health';
export { createKiosk, type Kiosk, type KioskDeps } from './kiosk';
export { OpensCap } from './opens-cap';
export type { PickupStart } from './pickups';
export type {
  BackupPort,
  BackupTaken,
  BankHealth,
  Clock,
  CommissioningBus,
  CommissioningPort,
  KioskLogger,
  LedgerPort,
  LinksHealth,
  PrintableReceipt,
  ReceiptPrinterPort,
  ScanSource,
  SimulatorControl,
  StorePort,
} from './ports';
export { PresenceCode } from './presence-code';
export {
  KIOSK_MESSAGES,
  KioskRefusal,
  type KioskRefusalCode,
  messageFor,
  type RefusalCode,
  refusalOf,
} from './refusals';
export { queueDueReminders, REMINDERS_RUN_KEY, type ReminderPolicy } from './reminders';
export { SCAN_HOLD_MS, ScanDesk } from './scan-desk';
export { type Session, SessionBook, type SessionLookup } from './sessions';
export type {
  HttpConfig,
  KioskSettings,
} from './settings';
export type { DoorAction } from './simulator-hands';
export type { SignedIn } from './staff-sessions';
export { localMidnight, localStamp, monthRange } from './time';
export type { StaffRole } from './types';
