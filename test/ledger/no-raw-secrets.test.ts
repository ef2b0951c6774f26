import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseQrPayload } from '../../src/domain/credentials';
import { connectionOf } from '../../src/store/internal';
import { type Harness, makeHarness } from './harness';
import { readyDossier } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.dispose());

function dumpTables(): string {
  const db = connectionOf(h.store);
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

function rawBytes(): Buffer {
  const parts = [h.file, `${h.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  return Buffer.concat(parts);
}

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
});
