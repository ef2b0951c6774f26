import type { Database, Statement } from 'better-sqlite3';
import type { DoorOperationState, DoorPurpose } from './states';

/**
 * One physical door action, recorded like an ATM dispense: the intent is committed before the
 * command goes to the board, and every operation ends confirmed or needs_inspection.
 */
export type DoorOperation = {
  readonly id: number;
  readonly lockerId: number;
  readonly dossierId: number | null;
  readonly purpose: DoorPurpose;
  readonly state: DoorOperationState;
  /** What was observed, e.g. 'closed_with_item', 'closed_empty', 'open_timeout'. */
  readonly outcome: string | null;
  readonly reason: string | null;
  readonly actor: string;
  readonly createdAt: number;
  readonly sentAt: number | null;
  readonly settledAt: number | null;
};

export type NewDoorOperation = Pick<DoorOperation, 'lockerId' | 'purpose' | 'actor' | 'createdAt'> & {
  readonly dossierId?: number | null;
};

export type DoorOperationSettlement = {
  readonly state: 'confirmed' | 'needs_inspection';
  readonly outcome: string | null;
  readonly reason?: string | null;
  readonly at: number;
  /** When the open command left, if it did and the operation was not marked sent. */
  readonly sentAt?: number | null;
};

export type DoorOperationRepo = {
  /** Records the intent (state 'intent'); returns the operation id. */
  recordIntent(op: NewDoorOperation): number;
  /**
   * intent -> sent. The door engine no longer writes it (the send time goes with the outcome,
   * see src/ledger/README.md); kept for files and tools that still do. False if not in 'intent'.
   */
  markSent(id: number, at: number): boolean;
  /** intent|sent -> confirmed|needs_inspection. False if it had already settled. */
  settle(id: number, settlement: DoorOperationSettlement): boolean;
  get(id: number): DoorOperation | undefined;
  /**
   * Operations left in 'intent' or 'sent' (by a crash or a lost reply): start-up settles them.
   * Read as each door's newest operation: a door never has an unsettled operation behind another.
   */
  listUnsettled(): DoorOperation[];
  /**
   * A dossier's operations, oldest first. A walk of the whole operations table (no index serves
   * it since migration 005): for tests and investigations, never a daemon path.
   */
  listForDossier(dossierId: number): DoorOperation[];
  /** A door's latest operations, newest first. */
  listForLocker(lockerId: number, limit: number): DoorOperation[];
  /**
   * When the newest `limit` operations were recorded, newest first: the kiosk-wide cap on opens
   * per minute starts from these, so a restart does not hand a guesser a fresh minute.
   */
  latestStarts(limit: number): number[];
};

const COLUMNS =
  'id, locker_id AS lockerId, dossier_id AS dossierId, purpose, state, outcome, reason, actor, ' +
  'created_at AS createdAt, sent_at AS sentAt, settled_at AS settledAt';

export function createDoorOperationRepo(db: Database): DoorOperationRepo {
  const insert = db.prepare(`
    INSERT INTO door_operations (locker_id, dossier_id, purpose, state, actor, created_at)
    VALUES (?, ?, ?, 'intent', ?, ?)`);
  const sent = db.prepare(
    `UPDATE door_operations SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'intent'`,
  );
  const settle = db.prepare(`
    UPDATE door_operations SET state = ?, outcome = ?, reason = ?, settled_at = ?, sent_at = coalesce(sent_at, ?)
    WHERE id = ? AND state IN ('intent','sent')`);
  const get: Statement<[number], DoorOperation> = db.prepare(
    `SELECT ${COLUMNS} FROM door_operations WHERE id = ?`,
  );
  // A door's unsettled operation is always its newest (an intent is refused on a door whose
  // operation is not settled): each door's newest, one seek each on door_operations_locker.
  const unsettled: Statement<[], DoorOperation> = db.prepare(`
    SELECT ${COLUMNS} FROM door_operations
    WHERE id IN (SELECT (SELECT max(o.id) FROM door_operations o WHERE o.locker_id = l.id) FROM lockers l)
      AND state IN ('intent','sent')
    ORDER BY id`);
  const forDossier: Statement<[number], DoorOperation> = db.prepare(
    `SELECT ${COLUMNS} FROM door_operations WHERE dossier_id = ? ORDER BY id`,
  );
  const forLocker: Statement<[number, number], DoorOperation> = db.prepare(
    `SELECT ${COLUMNS} FROM door_operations WHERE locker_id = ? ORDER BY id DESC LIMIT ?`,
  );
  const latest: Statement<[number], { createdAt: number }> = db.prepare(
    'SELECT created_at AS createdAt FROM door_operations ORDER BY id DESC LIMIT ?',
  );
  return {
    recordIntent: (op) =>
      Number(
        insert.run(op.lockerId, op.dossierId ?? null, op.purpose, op.actor, op.createdAt).lastInsertRowid,
      ),
    markSent: (id, at) => sent.run(at, id).changes === 1,
    settle: (id, s) =>
      settle.run(s.state, s.outcome, s.reason ?? null, s.at, s.sentAt ?? null, id).changes === 1,
    get: (id) => get.get(id),
    listUnsettled: () => unsettled.all(),
    listForDossier: (dossierId) => forDossier.all(dossierId),
    listForLocker: (lockerId, limit) => forLocker.all(lockerId, limit),
    latestStarts: (limit) => latest.all(limit).map((r) => r.createdAt),
  };
}
