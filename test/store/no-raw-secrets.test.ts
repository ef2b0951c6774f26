import { createHash, createHmac, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { StoreError } from '../../src/store/errors';
import { connectionOf } from '../../src/store/internal';
import { newReceipt, seedBasics, T0, tempDir } from './fixtures';

/**
 * The store receives hashes of secrets, never the secrets. This test generates secrets the way
 * the kiosk does, runs them through every path that records something about them (credential
 * issue, use, failures and lockout, staff PIN, audit rows, notifications, a backup), then looks
 * for each raw secret in a dump of every column of every table and in the raw bytes of the
 * database, its -wal and the backup.
 */
const kioskKey = randomBytes(32);
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
const secrets = {
  qr: randomBytes(18).toString('base64url'),
  typedCode: digits(8),
  secondFactor: digits(6),
  staffPin: digits(8),
};
const hashed = (label: string, value: string) =>
  createHmac('sha256', kioskKey).update(`${label}\0${value}`).digest('hex');
const pinHash = (pin: string) => {
  const salt = randomBytes(16);
  return `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync(pin, salt, 32).toString('base64')}`;
};

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let dossierId: number;
let walBytes: Buffer;

beforeAll(async () => {
  tmp = tempDir('store-secrets-');
  store = openStore(tmp.file('ledger.db'));
  seedBasics(store);
  const receipt = newReceipt();
  const qrHash = createHash('sha256').update(secrets.qr).digest('hex');
  dossierId = store.write(() => {
    const id = store.dossiers.insert({
      receiptNo: receipt,
      procedureCode: 'HT.01',
      origin: 'kiosk',
      state: 'reserved',
      lockerId: 1,
      createdAt: T0,
    });
    store.credentials.issue({
      dossierId: id,
      qrSecretHash: qrHash,
      codeHash: hashed(`code\0${receipt}`, secrets.typedCode),
      secondFactorHash: hashed(`second\0${receipt}`, secrets.secondFactor),
      issuedAt: T0,
    });
    store.audit.append({
      actor: 'kiosk',
      action: 'credential.issued',
      subject: `dossier:${id}`,
      at: T0,
      detail: { qrHash },
    });
    store.outbox.enqueue({
      dossierId: id,
      kind: 'result_ready',
      payload: { dossierId: id, receiptNo: receipt },
      at: T0,
    });
    store.staff.create({ id: 'S01', role: 'staff', pinHash: pinHash(secrets.staffPin), createdAt: T0 });
    return id;
  });
  store.write(() => {
    const counters = store.attempts.forDossier(dossierId);
    store.attempts.saveDossier(
      dossierId,
      { consecutiveFailures: counters.consecutiveFailures + 1, lockedAt: null },
      T0 + 1,
    );
    store.attempts.saveKiosk('061', T0, 1);
    store.audit.append({
      actor: 'kiosk',
      action: 'credential.failed',
      subject: `dossier:${dossierId}`,
      at: T0 + 1,
      detail: { method: 'typed' },
    });
    const found = store.credentials.findByQrHash(qrHash);
    if (found) store.credentials.markUsed(found.dossierId, T0 + 2);
    store.staff.recordFailedLogin('S01');
  });
  await store.backupTo(tmp.file('backup.db'));
  walBytes = readFileSync(tmp.file('ledger.db-wal'));
});

afterAll(() => {
  store.close();
  tmp.cleanup();
});

function dumpEveryColumn(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const parts: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const text = Buffer.isBuffer(value)
          ? `${value.toString('hex')} ${value.toString('latin1')}`
          : String(value);
        parts.push(`${table}.${column}=${text}`);
      }
    }
  }
  return parts.join('\n');
}

describe('no raw secret is ever stored', () => {
  it('the dump holds what the paths recorded (the search below has something to search)', () => {
    const dump = dumpEveryColumn(connectionOf(store));
    expect(dump).toContain('pickup_credentials.qr_secret_hash=');
    expect(dump).toContain('staff_accounts.pin_hash=scrypt$');
    expect(dump).toContain('credential.failed');
    expect(walBytes.length).toBeGreaterThan(0);
  });

  for (const [name, secret] of Object.entries(secrets)) {
    it(`the ${name} appears in no column, nor in the bytes of the file, its -wal or the backup`, () => {
      expect(dumpEveryColumn(connectionOf(store))).not.toContain(secret);
      const needle = Buffer.from(secret, 'utf8');
      expect(walBytes.includes(needle)).toBe(false);
      expect(readFileSync(tmp.file('ledger.db')).includes(needle)).toBe(false);
      expect(readFileSync(tmp.file('backup.db')).includes(needle)).toBe(false);
      const backup = new Database(tmp.file('backup.db'), { readonly: true });
      expect(dumpEveryColumn(backup)).not.toContain(secret);
      backup.close();
    });
  }

  it('a notification payload carrying a secret or contact data is refused', () => {
    const refused: Record<string, string>[] = [
      { code: secrets.typedCode },
      { qrSecret: secrets.qr },
      { phone: '0912345678' },
    ];
    for (const payload of refused) {
      let error: unknown;
      try {
        store.write(() => store.outbox.enqueue({ dossierId, kind: 'result_ready', payload, at: T0 }));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('SECRET_IN_PAYLOAD');
    }
    expect(existsSync(tmp.file('ledger.db-wal'))).toBe(true);
  });
});
