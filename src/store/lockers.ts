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
  /** In-service doors that no live dossier holds and no unsettled operation touches, by position. */
  listAvailable(size?: LockerSize): Locker[];
  setInService(id: number, inService: boolean, reason: string | null): boolean;
};

export type LockerOccupancy = Locker & { readonly assigned: boolean; readonly unsettledOperation: boolean };

type Raw = Omit<Locker, 'inService'> & { inService: number };
type RawOccupancy = Raw & { assigned: number; unsettledOperation: number };
const ASSIGNED = `EXISTS (SELECT 1 FROM dossiers d WHERE d.locker_id = l.id AND d.state IN (${LIVE_STATES_SQL}))`;
const UNSETTLED = `EXISTS (SELECT 1 FROM door_operations o WHERE o.locker_id = l.id AND o.state IN ('intent','sent'))`;
const COLUMNS =
  'id, bank, board, channel, size, position, in_service AS inService, out_of_service_reason AS outOfServiceReason';
const toLocker = (r: Raw): Locker => ({ ...r, inService: r.inService === 1 });

export function createLockerRepo(db: Database): LockerRepo {
  const upsert = db.prepare(`
    INSERT INTO lockers (id, bank, board, channel, size, position, in_service, out_of_service_reason)
    VALUES (@id, @bank, @board, @channel, @size, @position, @inService, @outOfServiceReason)
    ON CONFLICT (id) DO UPDATE SET bank = excluded.bank, board = excluded.board, channel = excluded.channel,
      size = excluded.size, position = excluded.position`);
  const get: Statement<[number], Raw> = db.prepare(`SELECT ${COLUMNS} FROM lockers WHERE id = ?`);
  const list: Statement<[], Raw> = db.prepare(`SELECT ${COLUMNS} FROM lockers ORDER BY position`);
  const occupancy: Statement<[], RawOccupancy> = db.prepare(
    `SELECT ${COLUMNS}, ${ASSIGNED} AS assigned, ${UNSETTLED} AS unsettledOperation FROM lockers l ORDER BY position`,
  );
  const available: Statement<[string | null, string | null], Raw> = db.prepare(`
    SELECT ${COLUMNS} FROM lockers l
    WHERE l.in_service = 1 AND (? IS NULL OR l.size = ?) AND NOT ${ASSIGNED} AND NOT ${UNSETTLED}
    ORDER BY l.position`);
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
    listWithOccupancy: () =>
      occupancy.all().map(({ assigned, unsettledOperation, ...r }) => ({
        ...toLocker(r),
        assigned: assigned === 1,
        unsettledOperation: unsettledOperation === 1,
      })),
    listAvailable: (size) => available.all(size ?? null, size ?? null).map(toLocker),
    setInService: (id, inService, reason) =>
      setService.run(inService ? 1 : 0, inService ? null : reason, id).changes === 1,
  };
}
