import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AuditHead, AuditVerification } from './audit';
import { StoreError } from './errors';

/**
 * The audit chain walked in a worker thread on its own read-only connection: WAL gives it a
 * consistent snapshot while the writer keeps serving doors, and the event loop never waits for a
 * hash. The weekly walk from the genesis reads every row: on the main thread, in 5,000-row slices,
 * it held the event loop 40-80 ms at a time for 41 s at 1,000,000 dossiers (issue 15).
 *
 * The worker is plain JavaScript, like the integrity check's (integrity.ts), so it runs the same
 * under tsx, vitest and the bundled daemon. It repeats AuditLog.verifyChain's rules and
 * audit-hash.ts's row hash; test/store/audit-walk.test.ts runs both on the same tampered chains
 * and requires the same answers.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Database = require(workerData.driver);
const GENESIS_HASH = Buffer.alloc(32);
const rowHash = (prevHash, r) =>
  createHash('sha256').update(prevHash)
    .update(JSON.stringify([r.seq, r.at, r.actor, r.action, r.subject, r.detail]), 'utf8').digest();
const hex = (b) => Buffer.from(b).toString('hex');

function verify(db, anchoredHead, from) {
  const at = db.prepare('SELECT * FROM audit_log WHERE seq = ?');
  let head = { seq: 0, hash: hex(GENESIS_HASH), at: 0 };
  if (from && from.seq > 0) {
    const start = at.get(from.seq);
    if (!start || hex(start.hash) !== from.hash.toLowerCase()) {
      return { ok: false, brokenAt: from.seq, reason: 'seq ' + from.seq + ' no longer matches the head verified earlier' };
    }
    head = { seq: from.seq, hash: from.hash.toLowerCase(), at: start.at };
  }
  let expectedSeq = head.seq + 1;
  let prevHash = Buffer.from(head.hash, 'hex');
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq');
  for (const row of rows.iterate(head.seq > 0 ? head.seq : Number.MIN_SAFE_INTEGER)) {
    if (row.seq !== expectedSeq) {
      const reason = row.seq > expectedSeq
        ? 'seq ' + expectedSeq + (row.seq - 1 > expectedSeq ? '..' + (row.seq - 1) : '') + ' missing (next row is seq ' + row.seq + ')'
        : 'seq ' + row.seq + ' out of order (expected ' + expectedSeq + ')';
      return { ok: false, brokenAt: expectedSeq, reason };
    }
    if (!Buffer.from(row.prev_hash).equals(prevHash)) {
      return { ok: false, brokenAt: row.seq, reason: 'seq ' + row.seq + " does not link to the previous row's hash" };
    }
    const computed = rowHash(prevHash, row);
    if (!computed.equals(Buffer.from(row.hash))) {
      return { ok: false, brokenAt: row.seq, reason: 'seq ' + row.seq + ' content does not match its hash (edited)' };
    }
    prevHash = computed;
    head = { seq: row.seq, hash: computed.toString('hex'), at: row.at };
    expectedSeq += 1;
  }
  if (anchoredHead && anchoredHead.seq > 0) {
    if (head.seq < anchoredHead.seq) {
      return { ok: false, brokenAt: head.seq + 1, reason: 'chain ends at seq ' + head.seq + ' but the anchored head is seq ' + anchoredHead.seq + ': rows were removed' };
    }
    const anchored = at.get(anchoredHead.seq);
    if (!anchored || hex(anchored.hash) !== anchoredHead.hash.toLowerCase()) {
      return { ok: false, brokenAt: anchoredHead.seq, reason: 'seq ' + anchoredHead.seq + ' hash differs from the anchored head: the chain was rewritten' };
    }
  }
  return { ok: true, count: head.seq, head };
}

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  // One read transaction: the walk sees one snapshot of the chain from its first row to its head.
  db.exec('BEGIN');
  parentPort.postMessage(verify(db, workerData.anchoredHead, workerData.from));
  db.exec('COMMIT');
} finally {
  db.close();
}`;

/** AuditLog.verifyChain(anchoredHead, from), whole, off the main thread. */
export function verifyChainInBackground(
  path: string,
  anchoredHead?: AuditHead,
  from?: AuditHead,
): Promise<AuditVerification> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, path, anchoredHead, from },
    });
    let settled = false;
    worker.once('message', (result: AuditVerification) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new StoreError('AUDIT_WALK_FAILED', `audit walk worker exited with code ${code}`));
    });
  });
}
