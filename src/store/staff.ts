import type { Database, Statement } from 'better-sqlite3';
import type { StaffRole } from './states';

/** Staff, technician and supervisor accounts. The PIN arrives already hashed (scrypt). */
export type StaffAccount = {
  readonly id: string;
  readonly role: StaffRole;
  readonly pinHash: string;
  readonly failedLogins: number;
  readonly lockedUntil: number | null;
  readonly active: boolean;
  readonly createdAt: number;
};

export type NewStaffAccount = Pick<StaffAccount, 'id' | 'role' | 'pinHash' | 'createdAt'>;

export type StaffRepo = {
  create(account: NewStaffAccount): void;
  get(id: string): StaffAccount | undefined;
  list(): StaffAccount[];
  setPinHash(id: string, pinHash: string): boolean;
  setActive(id: string, active: boolean): boolean;
  /** Adds one failed login; returns the new count. */
  recordFailedLogin(id: string): number;
  /** Locks the account until the given time (the lockout rule decides when). */
  lockUntil(id: string, until: number): boolean;
  /** A successful login clears the count and any lock. */
  clearFailedLogins(id: string): void;
};

type Raw = Omit<StaffAccount, 'active'> & { active: number };
const COLUMNS =
  'id, role, pin_hash AS pinHash, failed_logins AS failedLogins, locked_until AS lockedUntil, active, created_at AS createdAt';
const toAccount = (r: Raw): StaffAccount => ({ ...r, active: r.active === 1 });

export function createStaffRepo(db: Database): StaffRepo {
  const create = db.prepare(
    'INSERT INTO staff_accounts (id, role, pin_hash, created_at) VALUES (@id, @role, @pinHash, @createdAt)',
  );
  const get: Statement<[string], Raw> = db.prepare(`SELECT ${COLUMNS} FROM staff_accounts WHERE id = ?`);
  const list: Statement<[], Raw> = db.prepare(`SELECT ${COLUMNS} FROM staff_accounts ORDER BY id`);
  const setPin = db.prepare('UPDATE staff_accounts SET pin_hash = ? WHERE id = ?');
  const setActive = db.prepare('UPDATE staff_accounts SET active = ? WHERE id = ?');
  const fail: Statement<[string], { n: number }> = db.prepare(
    'UPDATE staff_accounts SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins AS n',
  );
  const lock = db.prepare('UPDATE staff_accounts SET locked_until = ? WHERE id = ?');
  const clear = db.prepare('UPDATE staff_accounts SET failed_logins = 0, locked_until = NULL WHERE id = ?');
  return {
    create: (a) => {
      create.run(a);
    },
    get: (id) => {
      const r = get.get(id);
      return r ? toAccount(r) : undefined;
    },
    list: () => list.all().map(toAccount),
    setPinHash: (id, pinHash) => setPin.run(pinHash, id).changes === 1,
    setActive: (id, active) => setActive.run(active ? 1 : 0, id).changes === 1,
    recordFailedLogin: (id) => fail.get(id)?.n ?? 0,
    lockUntil: (id, until) => lock.run(until, id).changes === 1,
    clearFailedLogins: (id) => {
      clear.run(id);
    },
  };
}
