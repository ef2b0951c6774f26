import { type CalendarPolicy, checkCalendarPolicy } from '../domain/calendar';
import { MIN_KIOSK_KEY_BYTES } from '../domain/credentials';
import { checkLockoutPolicy, DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from '../domain/lockout';
import { DEFAULT_RETENTION } from '../domain/retention';
import type { Store } from '../store';
import { type LedgerContext, type LedgerLogger, SILENT_LOGGER } from './context';
import { createDoorEngine } from './door-engine';
import type { DoorPort } from './door-port';
import type { CloseResult } from './door-results';
import { type CollectionFlow, collectionFlow } from './flows/collection';
import { type DropOffFlow, dropOffFlow } from './flows/drop-off';
import { type LateFlow, lateFlow } from './flows/late';
import { type LoadingFlow, loadingFlow } from './flows/loading';
import { type PickupFlow, pickupFlow } from './flows/pickup';
import { type PurgeFlow, purgeFlow } from './flows/purge';
import { type ReclaimFlow, reclaimFlow } from './flows/reclaim';
import { type TechnicianFlow, technicianFlow } from './flows/technician';
import { type ReconcileReport, reconcile } from './reconcile';

export interface LedgerTimeouts {
  /** A door open longer than this raises an incident and needs inspection (default 120 s). */
  readonly doorOpenMs?: number;
  /** How long start-up reconciliation waits for the buses to be ready (default 10 s). */
  readonly linkReadyMs?: number;
  /** How often start() sweeps for doors left open (default 1 s). */
  readonly sweepEveryMs?: number;
}

export interface LedgerConfig {
  readonly store: Store;
  readonly doors: DoorPort;
  /** Milliseconds since the epoch (default Date.now). */
  readonly clock?: () => number;
  /** 3 digits, the first part of every receipt number. */
  readonly kioskCode: string;
  /** >= 32 bytes, kept outside the database. */
  readonly kioskKey: Buffer;
  readonly calendar: CalendarPolicy;
  readonly lockoutPolicy?: LockoutPolicy;
  readonly timeouts?: LedgerTimeouts;
  /** Days a result waits before staff may reclaim it (default: src/domain/retention.ts). */
  readonly reclaimAfterDays?: number;
  /** Days after closing before contact data is purged (default: src/domain/retention.ts). */
  readonly retentionDays?: number;
  /** A pino child logger or the like; ids only are logged. */
  readonly logger?: LedgerLogger;
}

export interface Ledger {
  readonly dropOff: DropOffFlow;
  readonly collection: CollectionFlow;
  readonly loading: LoadingFlow;
  readonly pickup: PickupFlow;
  readonly reclaim: ReclaimFlow;
  readonly late: LateFlow;
  readonly technician: TechnicianFlow;
  readonly purge: PurgeFlow;
  /** Start-up: read every door and settle every unfinished door operation. Run before start(). */
  reconcile(): Promise<ReconcileReport>;
  /** Resolves when the operation's door has closed and been settled (or timed out / never opened). */
  awaitClose(operationId: number): Promise<CloseResult>;
  /** Settles doors left open past the timeout now; returns how many (start() does it periodically). */
  sweepOpenDoors(): number;
  /** Operations whose door is open and not yet settled. */
  openOperations(): number[];
  /** Starts the periodic sweep for doors left open. */
  start(): void;
  /** Stops the sweep and stops listening to door events. */
  stop(): void;
}

export class LedgerConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'LedgerConfigError';
  }
}

function positive(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new LedgerConfigError(field, 'must be a positive number');
  return value;
}

export function createLedger(config: LedgerConfig): Ledger {
  if (!/^\d{3}$/.test(config.kioskCode)) throw new LedgerConfigError('kioskCode', 'must be 3 digits');
  if (config.kioskKey.length < MIN_KIOSK_KEY_BYTES) {
    throw new LedgerConfigError('kioskKey', `must be at least ${MIN_KIOSK_KEY_BYTES} bytes`);
  }
  const timeouts = config.timeouts ?? {};
  const ctx: LedgerContext = {
    store: config.store,
    doors: config.doors,
    clock: config.clock ?? Date.now,
    kioskCode: config.kioskCode,
    kioskKey: config.kioskKey,
    calendar: checkCalendarPolicy(config.calendar),
    lockoutPolicy: checkLockoutPolicy(config.lockoutPolicy ?? DEFAULT_LOCKOUT_POLICY),
    doorOpenTimeoutMs: positive('timeouts.doorOpenMs', timeouts.doorOpenMs ?? 120_000),
    reclaimAfterDays: positive(
      'reclaimAfterDays',
      config.reclaimAfterDays ?? DEFAULT_RETENTION.reclaimAfterDays,
    ),
    retentionDays: positive('retentionDays', config.retentionDays ?? DEFAULT_RETENTION.retentionDays),
    logger: config.logger ?? SILENT_LOGGER,
  };
  const linkReadyMs = positive('timeouts.linkReadyMs', timeouts.linkReadyMs ?? 10_000);
  const sweepEveryMs = positive('timeouts.sweepEveryMs', timeouts.sweepEveryMs ?? 1000);
  const engine = createDoorEngine(ctx);
  const unsubscribe = ctx.doors.subscribe((event) => engine.handle(event));
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    dropOff: dropOffFlow(ctx, engine),
    collection: collectionFlow(ctx, engine),
    loading: loadingFlow(ctx, engine),
    pickup: pickupFlow(ctx, engine),
    reclaim: reclaimFlow(ctx, engine),
    late: lateFlow(ctx),
    technician: technicianFlow(ctx, engine),
    purge: purgeFlow(ctx),
    reconcile: () => reconcile(ctx, linkReadyMs),
    awaitClose: (id) => engine.awaitClose(id),
    sweepOpenDoors: () => engine.sweep(),
    openOperations: () => engine.openOperations(),
    start() {
      timer ??= setInterval(() => engine.sweep(), sweepEveryMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe();
    },
  };
}
