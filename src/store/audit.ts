import type { Database, Statement } from 'better-sqlite3';
import { type AuditFields, auditRowHash, GENESIS_HASH } from './audit-hash';
import { canonicalJson, type JsonValue } from './canonical-json';
import { StoreError } from './errors';
import { assertNoPersonalKeys } from './personal-keys';

export type AuditEntry = {
  readonly actor: string;
  readonly action: string;
  readonly subject?: string | null;
  /** Ids and hashes only: never names, phone numbers, ID numbers or secrets. */
  readonly detail?: { readonly [key: string]: JsonValue };
  /** Milliseconds since the epoch; defaults to Date.now(). */
  readonly at?: number;
};

export type AuditRow = AuditFields & { readonly prevHash: string; readonly hash: string };

/** What to copy off the machine (daily report, central server) so a rewritten chain shows. */
export type AuditHead = { readonly seq: number; readonly hash: string; readonly at: number };

export type AuditVerification =
  | {
      readonly ok: true;
      readonly count: number;
      readonly head: AuditHead;
      /** Set when `maxRows` stopped the walk before the end: go on from `head` later. */
      readonly more?: true;
    }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: string };

export type AuditLog = {
  /** Appends inside the caller's write transaction, so the row commits with what it records. */
  append(entry: AuditEntry): AuditHead;
  /**
   * Walks the chain and reports the FIRST broken link: an edited row, a missing seq, a row that
   * does not link to its predecessor, rows missing after the anchored head (a head copied off
   * the machine earlier), or an anchored head whose hash no longer matches. With `from` (a head
   * verified earlier), only the rows after it are walked: a daily check need not reread years.
   * With `maxRows`, at most that many rows are walked and the answer says `more` if rows remain
   * (the anchored head is then not checked yet): a first walk over millions of rows on the
   * writer connection goes in slices, so the doors wait for one slice at most.
   */
  verifyChain(anchoredHead?: AuditHead, from?: AuditHead, maxRows?: number): AuditVerification;
  exportHead(): AuditHead;
  /**
   * Whether the triggers that refuse UPDATE and DELETE are still there. Missing triggers mean
   * someone with access to the file removed them: raise an incident and verify the chain.
   */
  guardsInPlace(): boolean;
  /** Rows in seq order from `afterSeq` (exclusive), for reports and export. */
  list(afterSeq: number, limit: number): AuditRow[];
};

type StoredRow = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  detail: string;
  prev_hash: Buffer;
  hash: Buffer;
};

const GENESIS_HEAD: AuditHead = { seq: 0, hash: GENESIS_HASH.toString('hex'), at: 0 };

function toRow(r: StoredRow): AuditRow {
  const { prev_hash, hash, ...fields } = r;
  return {
    ...fields,
    prevHash: Buffer.from(prev_hash).toString('hex'),
    hash: Buffer.from(hash).toString('hex'),
  };
}

export function createAuditLog(db: Database): AuditLog {
  const last: Statement<[], Pick<StoredRow, 'seq' | 'hash' | 'at'>> = db.prepare(
    'SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const after: Statement<[number], StoredRow> = db.prepare(
    'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq',
  );
  const guards: Statement<[], { n: number }> = db.prepare(`
    SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'
      AND name IN ('audit_log_no_update', 'audit_log_no_delete')`);
  const at: Statement<[number], StoredRow> = db.prepare('SELECT * FROM audit_log WHERE seq = ?');
  const page: Statement<[number, number], StoredRow> = db.prepare(
    'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const anyAfter: Statement<[number], { one: number }> = db.prepare(
    'SELECT 1 AS one FROM audit_log WHERE seq > ? LIMIT 1',
  );

  function exportHead(): AuditHead {
    const row = last.get();
    if (!row) return GENESIS_HEAD;
    return { seq: row.seq, hash: Buffer.from(row.hash).toString('hex'), at: row.at };
  }

  function append(entry: AuditEntry): AuditHead {
    if (!db.inTransaction) {
      throw new StoreError(
        'NOT_IN_TRANSACTION',
        'audit rows are appended inside store.write(), with the change they record',
      );
    }
    const detailValue = entry.detail ?? {};
    assertNoPersonalKeys(detailValue, 'audit detail');
    const prev = last.get();
    const fields: AuditFields = {
      seq: (prev?.seq ?? 0) + 1,
      at: entry.at ?? Date.now(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      detail: canonicalJson(detailValue),
    };
    const prevHash = prev ? Buffer.from(prev.hash) : GENESIS_HASH;
    const hash = auditRowHash(prevHash, fields);
    insert.run(
      fields.seq,
      fields.at,
      fields.actor,
      fields.action,
      fields.subject,
      fields.detail,
      prevHash,
      hash,
    );
    return { seq: fields.seq, hash: hash.toString('hex'), at: fields.at };
  }

  function verifyChain(anchoredHead?: AuditHead, from?: AuditHead, maxRows?: number): AuditVerification {
    let head = GENESIS_HEAD;
    if (from && from.seq > 0) {
      const start = at.get(from.seq);
      if (!start || Buffer.from(start.hash).toString('hex') !== from.hash.toLowerCase()) {
        return {
          ok: false,
          brokenAt: from.seq,
          reason: `seq ${from.seq} no longer matches the head verified earlier`,
        };
      }
      head = { seq: from.seq, hash: from.hash.toLowerCase(), at: start.at };
    }
    let expectedSeq = head.seq + 1;
    let prevHash: Buffer = Buffer.from(head.hash, 'hex');
    const budget = maxRows === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.trunc(maxRows));
    let walked = 0;
    // Without a trusted start, every row is read, including any slipped in below seq 1.
    for (const row of after.iterate(head.seq > 0 ? head.seq : Number.MIN_SAFE_INTEGER)) {
      if (walked === budget) break; // leaving the loop early closes the iterator
      walked += 1;
      if (row.seq !== expectedSeq) {
        const reason =
          row.seq > expectedSeq
            ? `seq ${expectedSeq}${row.seq - 1 > expectedSeq ? `..${row.seq - 1}` : ''} missing (next row is seq ${row.seq})`
            : `seq ${row.seq} out of order (expected ${expectedSeq})`;
        return { ok: false, brokenAt: expectedSeq, reason };
      }
      if (!Buffer.from(row.prev_hash).equals(prevHash)) {
        return {
          ok: false,
          brokenAt: row.seq,
          reason: `seq ${row.seq} does not link to the previous row's hash`,
        };
      }
      const computed = auditRowHash(prevHash, row);
      if (!computed.equals(Buffer.from(row.hash))) {
        return {
          ok: false,
          brokenAt: row.seq,
          reason: `seq ${row.seq} content does not match its hash (edited)`,
        };
      }
      prevHash = computed;
      head = { seq: row.seq, hash: computed.toString('hex'), at: row.at };
      expectedSeq += 1;
    }
    if (walked === budget && anyAfter.get(head.seq)) return { ok: true, count: head.seq, head, more: true };
    if (anchoredHead && anchoredHead.seq > 0) {
      if (head.seq < anchoredHead.seq) {
        return {
          ok: false,
          brokenAt: head.seq + 1,
          reason: `chain ends at seq ${head.seq} but the anchored head is seq ${anchoredHead.seq}: rows were removed`,
        };
      }
      const anchored = at.get(anchoredHead.seq);
      if (!anchored || Buffer.from(anchored.hash).toString('hex') !== anchoredHead.hash.toLowerCase()) {
        return {
          ok: false,
          brokenAt: anchoredHead.seq,
          reason: `seq ${anchoredHead.seq} hash differs from the anchored head: the chain was rewritten`,
        };
      }
    }
    return { ok: true, count: head.seq, head };
  }

  function list(afterSeq: number, limit: number): AuditRow[] {
    return page.all(afterSeq, limit).map(toRow);
  }

  return { append, verifyChain, exportHead, list, guardsInPlace: () => guards.get()!.n === 2 };
}
