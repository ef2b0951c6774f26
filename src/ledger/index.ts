/** The ledger services: dossier flows over the store, the domain rules and the doors. */

export type { DoorOutcome, DoorReading } from '../domain/door';
export type { ActorRef, LedgerContext, LedgerLogger } from './context';
export type { DoorEvent, DoorListener, DoorPort } from './door-port';
export type { CloseOutcome, CloseResult, DoorOpenResult } from './door-results';
export { LedgerError, type LedgerErrorCode } from './errors';
export type { CollectionFlow } from './flows/collection';
export type { DropOffFlow, DropOffRequest } from './flows/drop-off';
export type { LateFlow } from './flows/late';
export type { LoadingFlow, RegisterResultRequest } from './flows/loading';
export type { PickupCredentials, PickupFlow } from './flows/pickup';
export type { PurgeFlow } from './flows/purge';
export type { ReclaimFlow } from './flows/reclaim';
export type { InspectionItem, TechnicianFlow } from './flows/technician';
export type { WorkItem } from './flows/work-item';
export type { IssuedReceipt } from './issue-credentials';
export {
  createLedger,
  type Ledger,
  type LedgerConfig,
  LedgerConfigError,
  type LedgerTimeouts,
} from './ledger';
export { sealForOutbox, unsealFromOutbox } from './outbox-seal';
export type { ReconcileReport } from './reconcile';
