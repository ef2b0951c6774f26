import type { Database, Statement } from 'better-sqlite3';
import type { LockerSize } from './states';

export type Procedure = {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly workingDays: number;
  readonly feeNote: string | null;
  readonly lockerSize: LockerSize;
  /** Pickup asks for a second factor (SMS code or last digits of phone / ID number). */
  readonly secondFactor: boolean;
  readonly active: boolean;
};

export type ProcedureRepo = {
  upsert(procedure: Procedure): void;
  get(code: string): Procedure | undefined;
  listActive(): Procedure[];
};

type Raw = Omit<Procedure, 'secondFactor' | 'active'> & { secondFactor: number; active: number };
const COLUMNS =
  'code, name_vi AS nameVi, name_en AS nameEn, working_days AS workingDays, fee_note AS feeNote, ' +
  'locker_size AS lockerSize, second_factor AS secondFactor, active';
const toProcedure = (r: Raw): Procedure => ({
  ...r,
  secondFactor: r.secondFactor === 1,
  active: r.active === 1,
});

export function createProcedureRepo(db: Database): ProcedureRepo {
  const upsert = db.prepare(`
    INSERT INTO procedures (code, name_vi, name_en, working_days, fee_note, locker_size, second_factor, active)
    VALUES (@code, @nameVi, @nameEn, @workingDays, @feeNote, @lockerSize, @secondFactor, @active)
    ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
      working_days = excluded.working_days, fee_note = excluded.fee_note, locker_size = excluded.locker_size,
      second_factor = excluded.second_factor, active = excluded.active`);
  const get: Statement<[string], Raw> = db.prepare(`SELECT ${COLUMNS} FROM procedures WHERE code = ?`);
  const active: Statement<[], Raw> = db.prepare(
    `SELECT ${COLUMNS} FROM procedures WHERE active = 1 ORDER BY code`,
  );
  return {
    upsert: (p) => {
      upsert.run({ ...p, secondFactor: p.secondFactor ? 1 : 0, active: p.active ? 1 : 0 });
    },
    get: (code) => {
      const r = get.get(code);
      return r ? toProcedure(r) : undefined;
    },
    listActive: () => active.all().map(toProcedure),
  };
}
