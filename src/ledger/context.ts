import type { CalendarPolicy } from '../domain/calendar';
import type { LockoutPolicy } from '../domain/lockout';
import type { JsonValue, Store } from '../store';
import type { DoorPort } from './door-port';

/** pino's shape, so a child logger fits; fields are ids only. */
export interface LedgerLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const SILENT_LOGGER: LedgerLogger = { warn: () => {}, error: () => {} };

/** Everything the ledger services share; built once by createLedger(). */
export interface LedgerContext {
  readonly store: Store;
  readonly doors: DoorPort;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly clock: () => number;
  readonly kioskCode: string;
  /** Per-kiosk key (>= 32 bytes) kept outside the database: typed-code HMACs and sealed payloads. */
  readonly kioskKey: Buffer;
  readonly calendar: CalendarPolicy;
  readonly lockoutPolicy: LockoutPolicy;
  /** A door open longer than this is an incident and its dossier needs inspection. */
  readonly doorOpenTimeoutMs: number;
  /** Results wait this many days before staff may reclaim them. */
  readonly reclaimAfterDays: number;
  /** Contact data of closed dossiers is purged after this many days. */
  readonly retentionDays: number;
  readonly logger: LedgerLogger;
}

/** Who acts, as recorded in the audit log and door operations: a role and an account id. */
export type ActorRef =
  | { readonly role: 'citizen' }
  | { readonly role: 'system' }
  | { readonly role: 'staff'; readonly id: string }
  | { readonly role: 'technician'; readonly id: string };

export const CITIZEN: ActorRef = { role: 'citizen' };
export const SYSTEM: ActorRef = { role: 'system' };

export function actorLabel(actor: ActorRef): string {
  return 'id' in actor ? `${actor.role}:${actor.id}` : actor.role;
}

/** Appends an audit row; call inside store.write(). Details carry ids and hashes only. */
export function audit(
  ctx: LedgerContext,
  actor: ActorRef,
  action: string,
  subject: string | null,
  detail: { readonly [key: string]: JsonValue } = {},
): void {
  ctx.store.audit.append({ actor: actorLabel(actor), action, subject, detail, at: ctx.clock() });
}

export const dossierSubject = (id: number) => `dossier:${id}`;
export const lockerSubject = (id: number) => `locker:${id}`;
