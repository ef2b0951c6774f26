import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newQrSecret, parseQrPayload } from '../../src/domain/credentials';
import { DomainError } from '../../src/domain/errors';
import { connectionOf } from '../../src/store/internal';
import { type Harness, makeHarness } from './harness';
import { readyDossier } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.dispose());

function dumpTables(db: Database.Database = connectionOf(h.store)): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  expect(tables.length).toBeGreaterThan(5);
  return tables
    .map(
      ({ name }) =>
        `${name}\n${JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all(), (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}`,
    )
    .join('\n');
}

function rawBytes(file = h.file): Buffer {
  const parts = [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  return Buffer.concat(parts);
}

const refused = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('the database never holds a raw pickup secret', () => {
  it('no table and no byte of the file or its WAL contains the QR secret or the typed code', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { issued, code } = await readyDossier(h);
      const qr = parseQrPayload(issued.qrPayload);
      if (!qr.ok) throw new Error('bad QR');
      secrets.push(qr.secret, code);
    }
    const dump = dumpTables();
    const bytes = rawBytes();
    expect(existsSync(`${h.file}-wal`)).toBe(true);
    // The dump is real: it does hold what the ledger stored.
    expect(dump).toContain('result_ready');
    expect(dump).toContain('Nguyễn Văn A');
    expect(bytes.includes(Buffer.from('result_ready'))).toBe(true);
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('nor after wrong codes, wrong QRs and a completed pickup, nor in a backup of it', async () => {
    const right: string[] = [];
    const guesses: string[] = [];
    const collected = await readyDossier(h);
    const guessedAt = await readyDossier(h);
    for (const d of [collected, guessedAt]) {
      const qr = parseQrPayload(d.issued.qrPayload);
      if (!qr.ok) throw new Error('bad QR');
      right.push(qr.secret, d.code);
    }

    // A stranger types codes and scans forged QRs at the second dossier (fewer than the lockout).
    const offByOne = String((Number(guessedAt.code) + 1) % 100_000_000).padStart(8, '0');
    for (const code of [offByOne, '31415926', '27182818']) {
      guesses.push(code);
      expect(await refused(h.ledger.pickup.start({ receiptNo: guessedAt.issued.receiptNo, code }))).toBe(
        'wrong_code',
      );
    }
    const forgedSecret = newQrSecret();
    guesses.push(forgedSecret);
    const forged = guessedAt.issued.qrPayload.replace(/[^.]+$/, forgedSecret);
    expect(await refused(h.ledger.pickup.start({ qr: forged }))).not.toBe('opened');

    // The first citizen collects the result with the typed code: door opens, result taken, shut.
    const opened = await h.ledger.pickup.start({
      receiptNo: collected.issued.receiptNo,
      code: collected.code,
    });
    if (!opened.ok) throw new Error('pickup did not open');
    h.doors.takeItem(opened.lockerId);
    h.doors.close(opened.lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('picked_up');

    const backup = join(h.dir, 'ledger-backup.db');
    await h.store.backupTo(backup);
    const copy = new Database(backup, { readonly: true });
    let backupDump: string;
    try {
      backupDump = dumpTables(copy);
    } finally {
      copy.close();
    }

    const places: [string, string | Buffer][] = [
      ['live tables', dumpTables()],
      ['ledger file and -wal', rawBytes()],
      ['backup tables', backupDump],
      ['backup file', rawBytes(backup)],
    ];
    // The places searched are real: they hold the attempts and the pickup that just happened.
    expect(existsSync(`${h.file}-wal`)).toBe(true);
    expect(backupDump).toContain('picked_up');
    expect(backupDump).toContain('Nguyễn Văn A');
    const copyCheck = new Database(backup, { readonly: true });
    try {
      // The four refused attempts (three codes, one QR) and the pickup are on file, in the backup too.
      const attempts = copyCheck
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pickup.attempt'")
        .get() as { n: number };
      expect(attempts.n).toBeGreaterThanOrEqual(5);
    } finally {
      copyCheck.close();
    }
    for (const [where, content] of places) {
      for (const secret of [...right, ...guesses]) {
        const found =
          typeof content === 'string' ? content.includes(secret) : content.includes(Buffer.from(secret));
        expect(found, `${secret.length}-character secret in ${where}`).toBe(false);
      }
    }
  });
});
