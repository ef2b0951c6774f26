import type { Database, Statement } from 'better-sqlite3';
import { StoreError } from './errors';
import { isUniqueViolation } from './sqlite-errors';
import {
  type DossierOrigin,
  type DossierState,
  isOpenState,
  LIVE_STATES_SQL,
  OPEN_STATES_SQL,
} from './states';

export type Dossier = {
  readonly id: number;
  readonly receiptNo: string;
  readonly procedureCode: string;
  readonly origin: DossierOrigin;
  /** Code of the dossier in the one-stop software (một cửa điện tử), once registered. */
  readonly externalCode: string | null;
  readonly state: DossierState;
  /** The live state it was in when the machine lost track of it (with needs_inspection). */
  readonly inspectedFrom: DossierState | null;
  readonly lockerId: number | null;
  /** Contact data: null once purged after the retention period. */
  readonly applicantName: string | null;
  readonly applicantPhone: string | null;
  /** 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
  readonly appointmentDate: string | null;
  readonly createdAt: number;
  readonly depositedAt: number | null;
  readonly collectedAt: number | null;
  /** When the door closed on the result (the reclaim delay counts from here). */
  readonly readyAt: number | null;
  readonly pickedUpAt: number | null;
  readonly closedAt: number | null;
  readonly rating: number | null;
  readonly late: boolean;
  readonly apologyAt: number | null;
  readonly purgedAt: number | null;
};

export type NewDossier = Pick<Dossier, 'receiptNo' | 'procedureCode' | 'origin' | 'state' | 'createdAt'> &
  Partial<
    Pick<Dossier, 'externalCode' | 'lockerId' | 'applicantName' | 'applicantPhone' | 'appointmentDate'>
  >;

/** Fields a transition may change. Contact data changes only through the purge. */
export type DossierPatch = Partial<
  Pick<
    Dossier,
    | 'state'
    | 'inspectedFrom'
    | 'lockerId'
    | 'externalCode'
    | 'appointmentDate'
    | 'depositedAt'
    | 'collectedAt'
    | 'readyAt'
    | 'pickedUpAt'
    | 'closedAt'
    | 'rating'
    | 'late'
    | 'apologyAt'
  >
>;

export type DossierRepo = {
  /** Throws StoreError LOCKER_TAKEN when the door already holds a live dossier. */
  insert(dossier: NewDossier): number;
  get(id: number): Dossier | undefined;
  getByReceiptNo(receiptNo: string): Dossier | undefined;
  /**
   * Applies the patch; with `expectedState`, only if the dossier is still in that state (so two
   * paths racing on one dossier cannot both win). Returns whether a row changed. Throws
   * LOCKER_TAKEN like insert.
   */
  update(id: number, patch: DossierPatch, expectedState?: DossierState): boolean;
  /** The live dossier holding a door, if any. */
  liveOnLocker(lockerId: number): Dossier | undefined;
  /**
   * Dossiers in a state, in id order, after `afterId`. An open state (store/states.ts) reads the
   * work-list index: the cost follows the page returned, not the history. A final state
   * (picked_up, cancelled...) walks the table from `afterId`: no daemon path lists those.
   */
  listByState(state: DossierState, limit: number, afterId?: number): Dossier[];
};

const FIELD_COLUMNS: Record<keyof DossierPatch, string> = {
  state: 'state',
  inspectedFrom: 'inspected_from',
  lockerId: 'locker_id',
  externalCode: 'external_code',
  appointmentDate: 'appointment_date',
  depositedAt: 'deposited_at',
  collectedAt: 'collected_at',
  readyAt: 'ready_at',
  pickedUpAt: 'picked_up_at',
  closedAt: 'closed_at',
  rating: 'rating',
  late: 'late',
  apologyAt: 'apology_at',
};

export const DOSSIER_COLUMNS =
  'id, receipt_no AS receiptNo, procedure_code AS procedureCode, origin, external_code AS externalCode, state, ' +
  'inspected_from AS inspectedFrom, ' +
  'locker_id AS lockerId, applicant_name AS applicantName, applicant_phone AS applicantPhone, ' +
  'appointment_date AS appointmentDate, created_at AS createdAt, deposited_at AS depositedAt, ' +
  'collected_at AS collectedAt, ready_at AS readyAt, picked_up_at AS pickedUpAt, ' +
  'closed_at AS closedAt, rating, late, apology_at AS apologyAt, purged_at AS purgedAt';

type Raw = Omit<Dossier, 'late'> & { late: number };
const toDossier = (r: Raw): Dossier => ({ ...r, late: r.late === 1 });

function lockerTaken(error: unknown): never {
  if (isUniqueViolation(error, 'dossiers.locker_id')) {
    throw new StoreError('LOCKER_TAKEN', 'this door already holds a live dossier', { cause: error });
  }
  throw error;
}

export function createDossierRepo(db: Database): DossierRepo {
  const insert = db.prepare(`
    INSERT INTO dossiers (receipt_no, procedure_code, origin, external_code, state, locker_id,
      applicant_name, applicant_phone, appointment_date, created_at)
    VALUES (@receiptNo, @procedureCode, @origin, @externalCode, @state, @lockerId,
      @applicantName, @applicantPhone, @appointmentDate, @createdAt)`);
  const get: Statement<[number], Raw> = db.prepare(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE id = ?`);
  const byReceipt: Statement<[string], Raw> = db.prepare(
    `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE receipt_no = ?`,
  );
  const onLocker: Statement<[number], Raw> = db.prepare(`
    SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE locker_id = ?
      AND state IN (${LIVE_STATES_SQL})`);
  // The IN term repeats dossiers_open_state's WHERE (migration 005): without it the planner may
  // not use a partial index, and `state = ?` alone walked every row (110 ms at 1M dossiers).
  const byOpenState: Statement<[string, number, number], Raw> = db.prepare(
    `SELECT ${DOSSIER_COLUMNS} FROM dossiers
     WHERE state = ? AND state IN (${OPEN_STATES_SQL}) AND id > ? ORDER BY id LIMIT ?`,
  );
  const byFinalState: Statement<[string, number, number], Raw> = db.prepare(
    `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE state = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  // One prepared statement per patch shape, built on first use and kept.
  const updates = new Map<string, Statement>();

  function updateStatement(keys: (keyof DossierPatch)[], guarded: boolean): Statement {
    const cacheKey = `${keys.join(',')}|${guarded}`;
    let stmt = updates.get(cacheKey);
    if (!stmt) {
      const sets = keys.map((k) => `${FIELD_COLUMNS[k]} = @${k}`).join(', ');
      stmt = db.prepare(
        `UPDATE dossiers SET ${sets} WHERE id = @id${guarded ? ' AND state = @expectedState' : ''}`,
      );
      updates.set(cacheKey, stmt);
    }
    return stmt;
  }

  return {
    insert(d) {
      try {
        const result = insert.run({
          externalCode: null,
          lockerId: null,
          applicantName: null,
          applicantPhone: null,
          appointmentDate: null,
          ...d,
        });
        return Number(result.lastInsertRowid);
      } catch (error) {
        return lockerTaken(error);
      }
    },
    get: (id) => {
      const r = get.get(id);
      return r ? toDossier(r) : undefined;
    },
    getByReceiptNo: (receiptNo) => {
      const r = byReceipt.get(receiptNo);
      return r ? toDossier(r) : undefined;
    },
    update(id, patch, expectedState) {
      const keys = (Object.keys(patch) as (keyof DossierPatch)[]).filter((k) => k in FIELD_COLUMNS).sort();
      if (keys.length === 0) return get.get(id) !== undefined;
      const params: Record<string, unknown> = { id };
      for (const k of keys) {
        const v = patch[k];
        params[k] = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
      }
      if (expectedState !== undefined) params.expectedState = expectedState;
      try {
        return updateStatement(keys, expectedState !== undefined).run(params).changes === 1;
      } catch (error) {
        return lockerTaken(error);
      }
    },
    liveOnLocker: (lockerId) => {
      const r = onLocker.get(lockerId);
      return r ? toDossier(r) : undefined;
    },
    listByState: (state, limit, afterId = 0) =>
      (isOpenState(state) ? byOpenState : byFinalState).all(state, afterId, limit).map(toDossier),
  };
}
