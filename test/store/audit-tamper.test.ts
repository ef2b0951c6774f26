import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditHead, createAuditLog } from '../../src/store/audit';
import { openStore } from '../../src/store/database';
import { T0, tempDir } from './fixtures';

/**
 * Root on the box can drop the triggers and rewrite rows. Each case takes a fresh copy of a
 * 50-row chain, drops the triggers on the copy, applies one random tamper (an edit of any column,
 * a deletion of any run of rows including the last ones, or a reordering) and asserts that the
 * verification reports it. Tampers other than cutting the tail must be caught even without the
 * anchored head.
 */
const ROWS = 50;
const COLUMNS = ['at', 'actor', 'action', 'subject', 'detail', 'prev_hash', 'hash'] as const;

type Tamper =
  | { kind: 'edit'; seq: number; column: (typeof COLUMNS)[number]; salt: number }
  | { kind: 'delete'; from: number; count: number }
  | { kind: 'swap_rows'; a: number; b: number }
  | { kind: 'swap_content'; a: number; b: number }
  | { kind: 'move'; seq: number; to: number };

const seqArb = fc.integer({ min: 1, max: ROWS });
const pairArb = fc
  .tuple(seqArb, seqArb)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ a, b }));
const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    seq: seqArb,
    column: fc.constantFrom(...COLUMNS),
    salt: fc.nat(),
  }),
  fc
    .tuple(seqArb, fc.integer({ min: 1, max: 5 }))
    .map(([from, count]) => ({ kind: 'delete' as const, from, count: Math.min(count, ROWS - from + 1) })),
  pairArb.map((p) => ({ kind: 'swap_rows' as const, ...p })),
  pairArb.map((p) => ({ kind: 'swap_content' as const, ...p })),
  fc
    .tuple(
      seqArb,
      fc.oneof(fc.integer({ min: -100, max: 0 }), fc.integer({ min: ROWS + 1, max: ROWS + 100 })),
    )
    .map(([seq, to]) => ({ kind: 'move' as const, seq, to })),
);

function editedValue(db: Database.Database, seq: number, column: string, salt: number): unknown {
  const old = db.prepare(`SELECT ${column} AS v FROM audit_log WHERE seq = ?`).get(seq) as { v: unknown };
  const v = old.v;
  if (typeof v === 'number') return v + 1 + (salt % 1000);
  if (Buffer.isBuffer(v)) {
    const copy = Buffer.from(v);
    const bit = salt % (copy.length * 8);
    copy[bit >> 3]! ^= 1 << (bit & 7);
    return copy;
  }
  if (v === null) return `dossier:${salt}`;
  const text = String(v);
  if (column === 'detail' && salt % 2 === 0) return text.replace('{', '{ '); // same JSON, other bytes
  const at = salt % text.length;
  const ch = text[at] === 'x' ? 'y' : 'x';
  return text.slice(0, at) + ch + text.slice(at + 1);
}

/** Opens the copy as the tamperer would (no store, no triggers) and applies the tamper. */
function tamperedCopy(path: string, t: Tamper): Database.Database {
  const db = new Database(path);
  db.pragma('synchronous = OFF'); // the tamperer's connection; the store under test keeps FULL
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const renumber = db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?');
  switch (t.kind) {
    case 'edit':
      db.prepare(`UPDATE audit_log SET ${t.column} = ? WHERE seq = ?`).run(
        editedValue(db, t.seq, t.column, t.salt),
        t.seq,
      );
      break;
    case 'delete':
      db.prepare('DELETE FROM audit_log WHERE seq >= ? AND seq < ?').run(t.from, t.from + t.count);
      break;
    case 'swap_rows':
      renumber.run(-1_000_000, t.a);
      renumber.run(t.a, t.b);
      renumber.run(t.b, -1_000_000);
      break;
    case 'swap_content': {
      // Every column but seq changes place: each row keeps its number but holds the other's content.
      const cols = COLUMNS.join(', ');
      const ra = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`).get(t.a) as Record<
        string,
        unknown
      >;
      const rb = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`).get(t.b) as Record<
        string,
        unknown
      >;
      const set = db.prepare(
        `UPDATE audit_log SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`,
      );
      set.run({ ...rb, seq: t.a });
      set.run({ ...ra, seq: t.b });
      break;
    }
    case 'move':
      renumber.run(t.to, t.seq);
      break;
  }
  return db;
}

function applyTamper(path: string, t: Tamper): void {
  tamperedCopy(path, t).close();
}

let tmp: ReturnType<typeof tempDir>;
let image: Buffer;
let head: AuditHead;

beforeAll(() => {
  tmp = tempDir('audit-tamper-');
  const path = tmp.file('chain.db');
  const store = openStore(path);
  store.write(() => {
    for (let i = 0; i < ROWS; i++) {
      store.audit.append({
        actor: i % 3 === 0 ? 'staff:S01' : 'kiosk',
        action: ['door.deposit.confirmed', 'door.pickup.confirmed', 'credential.failed'][i % 3]!,
        subject: i % 7 === 0 ? null : `dossier:${1000 + i}`,
        at: T0 + i * 60_000,
        detail: { locker: 1 + (i % 24), op: 5000 + i },
      });
    }
  });
  head = store.audit.exportHead();
  store.close(); // checkpoints the WAL: the main file alone holds the chain
  image = readFileSync(path);
});
afterAll(() => tmp.cleanup());

describe('audit chain tamper detection', () => {
  it('the untouched copy verifies', () => {
    const path = tmp.file('pristine.db');
    writeFileSync(path, image);
    const store = openStore(path);
    expect(store.audit.verifyChain(head)).toEqual({ ok: true, count: ROWS, head });
    store.close();
  });

  it('detects every one of 1,000 random edits, deletions and reorderings', () => {
    let n = 0;
    const kinds: Record<string, number> = {};
    fc.assert(
      fc.property(tamperArb, (tamper) => {
        n += 1;
        kinds[tamper.kind] = (kinds[tamper.kind] ?? 0) + 1;
        const path = tmp.file(`case-${n}.db`);
        writeFileSync(path, image);
        const cutsTail = tamper.kind === 'delete' && tamper.from + tamper.count - 1 === ROWS;
        const what = JSON.stringify(tamper);
        // Most cases verify on the tamperer's own connection (same SQL, same rows, and fast);
        // every 25th is closed and reopened through openStore, as the daemon would find it.
        if (n % 25 === 0) {
          applyTamper(path, tamper);
          const store = openStore(path);
          try {
            expect(store.audit.verifyChain(head).ok, what).toBe(false);
            if (!cutsTail) expect(store.audit.verifyChain().ok, what).toBe(false);
          } finally {
            store.close();
          }
        } else {
          const db = tamperedCopy(path, tamper);
          try {
            const audit = createAuditLog(db);
            expect(audit.verifyChain(head).ok, what).toBe(false);
            if (!cutsTail) expect(audit.verifyChain().ok, what).toBe(false);
          } finally {
            db.close();
          }
        }
        rmSync(path, { force: true });
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    expect(n).toBe(1000);
    expect(Object.keys(kinds).sort()).toEqual(['delete', 'edit', 'move', 'swap_content', 'swap_rows']);
  }, 120_000);

  it('reports the first broken link', () => {
    const path = tmp.file('first.db');
    writeFileSync(path, image);
    applyTamper(path, { kind: 'edit', seq: 30, column: 'actor', salt: 1 });
    applyTamper(path, { kind: 'edit', seq: 12, column: 'detail', salt: 0 });
    const store = openStore(path);
    expect(store.audit.verifyChain(head)).toMatchObject({ ok: false, brokenAt: 12 });
    store.close();
    const gap = tmp.file('gap.db');
    writeFileSync(gap, image);
    applyTamper(gap, { kind: 'delete', from: 20, count: 2 });
    const again = openStore(gap);
    expect(again.audit.verifyChain()).toEqual({
      ok: false,
      brokenAt: 20,
      reason: 'seq 20..21 missing (next row is seq 22)',
    });
    again.close();
  });
});
