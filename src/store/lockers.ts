import type { Database, Statement } from 'better-sqlite3';
import { LIVE_STATES_SQL, type LockerSize } from './states';

export type Locker = {
  readonly id: number;
  readonly bank: number;
  readonly board: number;
  readonly channel: number;
  readonly size: LockerSize;
  /** Number painted on the door and shown on screen. */
  readonly position: number;
  readonly inService: boolean;
  readonly outOfServiceReason: string | null;
};
export type NewLocker = Omit<Locker, 'inService' | 'outOfServiceReason'> & {
  readonly inService?: boolean;
  readonly outOfServiceReason?: string | null;
};

export type LockerRepo = {
  /** Inserts or updates the door's wiring and size, keeping its service state unless given. */
  upsert(locker: NewLocker): void;
  get(id: number): Locker | undefined;
  list(): Locker[];
  /**
   * Every door with what the ledger knows of it: whether a live dossier holds it and whether an
   * operation on it is unsettled. Allocation adds the board's readings (open, item present).
   */
  listWithOccupancy(): LockerOccupancy[];
  /** One door with what the ledger knows of it, for checks on a door already chosen. */
  occupancy(id: number): LockerOccupancy | undefined;
  /** In-service doors that no live dossier holds and no unsettled operation touches, by position. */
  listAvailable(size?: LockerSize): Locker[];
  setInService(id: number, inService: boolean, reason: string | null): boolean;
};

export type LockerOccupancy = Locker & { readonly assigned: boolean; readonly unsettledOperation: boolean };

/**
 * Rows come back as arrays (statement.raw) and are built into objects of one fixed shape here:
 * allocation reads every door inside the drop-off's write transaction, and better-sqlite3's
 * named-column objects plus a rest/spread copy cost several times the query itself.
 */
type LockerTuple = [
  id: number,
  bank: number,
  board: number,
  channel: number,
  size: LockerSize,
  position: number,
  inService: number,
  outOfServiceReason: string | null,
];
type OccupancyTuple = [...LockerTuple, assigned: number, unsettledOperation: number];
const ASSIGNED = `EXISTS (SELECT 1 FROM dossiers d WHERE d.locker_id = l.id AND d.state IN (${LIVE_STATES_SQL}))`;
// A door's unsettled operation is always its newest: recordDoorIntent refuses a door whose
// operation is not settled. So one seek on door_operations_locker answers, however long the
// door's history (migration 005).
const UNSETTLED = `coalesce((SELECT o.state IN ('intent','sent') FROM door_operations o WHERE o.locker_id = l.id ORDER BY o.id DESC LIMIT 1), 0)`;
const COLUMNS = 'id, bank, board, channel, size, position, in_service, out_of_service_reason';
const toLocker = (r: LockerTuple): Locker => ({
  id: r[0],
  bank: r[1],
  board: r[2],
  channel: r[3],
  size: r[4],
  position: r[5],
  inService: r[6] === 1,
  outOfServiceReason: r[7],
});
const toOccupancy = (r: OccupancyTuple): LockerOccupancy => ({
  id: r[0],
  bank: r[1],
  board: r[2],
  channel: r[3],
  size: r[4],
  position: r[5],
  inService: r[6] === 1,
  outOfServiceReason: r[7],
  assigned: r[8] === 1,
  unsettledOperation: r[9] === 1,
});

export function createLockerRepo(db: Database): LockerRepo {
  const upsert = db.prepare(`
    INSERT INTO lockers (id, bank, board, channel, size, position, in_service, out_of_service_reason)
    VALUES (@id, @bank, @board, @channel, @size, @position, @inService, @outOfServiceReason)
    ON CONFLICT (id) DO UPDATE SET bank = excluded.bank, board = excluded.board, channel = excluded.channel,
      size = excluded.size, position = excluded.position`);
  const get: Statement<[number], LockerTuple> = db
    .prepare<[number], LockerTuple>(`SELECT ${COLUMNS} FROM lockers WHERE id = ?`)
    .raw(true);
  const list: Statement<[], LockerTuple> = db
    .prepare<[], LockerTuple>(`SELECT ${COLUMNS} FROM lockers ORDER BY position`)
    .raw(true);
  const occupancy: Statement<[], OccupancyTuple> = db
    .prepare<[], OccupancyTuple>(
      `SELECT ${COLUMNS}, ${ASSIGNED}, ${UNSETTLED} FROM lockers l ORDER BY position`,
    )
    .raw(true);
  const occupancyOne: Statement<[number], OccupancyTuple> = db
    .prepare<[number], OccupancyTuple>(
      `SELECT ${COLUMNS}, ${ASSIGNED}, ${UNSETTLED} FROM lockers l WHERE l.id = ?`,
    )
    .raw(true);
  const available: Statement<[string | null, string | null], LockerTuple> = db
    .prepare<[string | null, string | null], LockerTuple>(`
    SELECT ${COLUMNS} FROM lockers l
    WHERE l.in_service = 1 AND (? IS NULL OR l.size = ?) AND NOT ${ASSIGNED} AND NOT ${UNSETTLED}
    ORDER BY l.position`)
    .raw(true);
  const setService = db.prepare('UPDATE lockers SET in_service = ?, out_of_service_reason = ? WHERE id = ?');

  return {
    upsert(locker) {
      upsert.run({
        ...locker,
        inService: locker.inService === false ? 0 : 1,
        outOfServiceReason: locker.outOfServiceReason ?? null,
      });
    },
    get: (id) => {
      const r = get.get(id);
      return r ? toLocker(r) : undefined;
    },
    list: () => list.all().map(toLocker),
    listWithOccupancy: () => occupancy.all().map(toOccupancy),
    occupancy: (id) => {
      const r = occupancyOne.get(id);
      return r ? toOccupancy(r) : undefined;
    },
    listAvailable: (size) => available.all(size ?? null, size ?? null).map(toLocker),
    setInService: (id, inService, reason) =>
      setService.run(inService ? 1 : 0, inService ? null : reason, id).changes === 1,
  };
}
