/** The ledger's durable store: the only module that talks to SQLite. */
export type { AttemptRepo, DossierAttempts, DossierCountersRow, KioskAttempts } from './attempts';
export type { AuditEntry, AuditHead, AuditLog, AuditRow, AuditVerification } from './audit';
export type { BackupResult } from './backup';
export { type BackupSchedule, type BackupScheduleOptions, createBackupSchedule } from './backup-schedule';
export type { JsonValue } from './canonical-json';
export type { CredentialRepo, NewPickupCredential, PickupCredential } from './credentials';
export { openStore, QUICK_CHECK_DEFAULT, type Store, type StoreOptions } from './database';
export type {
  DoorOperation,
  DoorOperationRepo,
  DoorOperationSettlement,
  NewDoorOperation,
} from './door-operations';
export type { Dossier, DossierPatch, DossierRepo, NewDossier } from './dossiers';
export { StoreError, type StoreErrorCode } from './errors';
export type { Incident, IncidentRepo, NewIncident } from './incidents';
export { holdInstanceLock } from './instance-lock';
export type { IntegrityCheckKind, IntegrityReport } from './integrity';
export type { Locker, LockerOccupancy, LockerRepo, NewLocker } from './lockers';
export type { MigrationResult } from './migrate';
export type { NewOutboxMessage, OutboxMessage, OutboxRepo } from './outbox';
export type { PragmaReport } from './pragmas';
export type { Procedure, ProcedureRepo } from './procedures';
export type { PurgeOptions, PurgeResult } from './purge';
export type { ReceiptSequenceRepo } from './receipts';
export type { PeriodFigures, ReportRepo } from './reports';
export { MAINTENANCE_MODE_KEY, type SettingsRepo } from './settings';
export type { NewStaffAccount, StaffAccount, StaffRepo } from './staff';
export * from './states';
