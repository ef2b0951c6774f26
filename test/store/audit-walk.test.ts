import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditHead } from '../../src/store/audit';
import { verifyChainInBackground } from '../../src/store/audit-walk';
import { openStore } from '../../src/store/database';
import { T0, tempDir } from './fixtures';

/**
 * The worker's walk (audit-walk.ts) repeats AuditLog.verifyChain in plain JavaScript: on the same
 * chains, intact or tampered (an edit of any column, a deletion, a renumbering), both must give
 * the same answer, first broken link and reason included.
 */
const ROWS = 30;
const COLUMNS = ['at', 'actor', 'action', 'subject', 'detail', 'prev_hash', 'hash'] as const;

let tmp: ReturnType<typeof tempDir>;
let image: Buffer;
let head: AuditHead;
let middle: AuditHead;

beforeAll(() => {
  tmp = tempDir('audit-walk-');
  const path = tmp.file('chain.db');
  const store = openStore(path);
  store.write(() => {
    for (let i = 0; i < ROWS; i++) {
      const h = store.audit.append({
        actor: i % 3 === 0 ? 'staff:S01' : 'kiosk',
        action: 'door.closed',
        subject: i % 7 === 0 ? null : `locker:${1 + (i % 24)}`,
        at: T0 + i * 60_000,
        detail: { operationId: 5000 + i, outcome: 'closed_with_item' },
      });
      if (i === ROWS / 2) middle = h;
    }
  });
  head = store.audit.exportHead();
  store.close();
  image = readFileSync(path);
});
afterAll(() => tmp.cleanup());

async function bothWays(path: string, anchored?: AuditHead, from?: AuditHead) {
  const store = openStore(path, { idleCheckpointMs: null });
  try {
    return {
      main: store.audit.verifyChain(anchored, from),
      worker: await verifyChainInBackground(path, anchored, from),
    };
  } finally {
    store.close();
  }
}

describe('the audit walk in a worker', () => {
  it('verifies the intact chain as the store does, from the genesis and from a head', async () => {
    const path = tmp.file('intact.db');
    writeFileSync(path, image);
    const whole = await bothWays(path, head);
    expect(whole.worker).toEqual(whole.main);
    expect(whole.worker).toEqual({ ok: true, count: ROWS, head });
    const since = await bothWays(path, head, middle);
    expect(since.worker).toEqual(since.main);
  });

  it('reports the same first broken link as the store on tampered chains', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant('edit' as const),
            seq: fc.integer({ min: 1, max: ROWS }),
            column: fc.constantFrom(...COLUMNS),
          }),
          fc.record({
            kind: fc.constant('delete' as const),
            seq: fc.integer({ min: 1, max: ROWS }),
            column: fc.constant('seq'),
          }),
          fc.record({
            kind: fc.constant('move' as const),
            seq: fc.integer({ min: 1, max: ROWS }),
            column: fc.constant('seq'),
          }),
        ),
        fc.boolean(),
        async (t, fromMiddle) => {
          n += 1;
          const path = tmp.file(`case-${n}.db`);
          writeFileSync(path, image);
          const db = new Database(path);
          db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
          if (t.kind === 'delete') db.prepare('DELETE FROM audit_log WHERE seq = ?').run(t.seq);
          else if (t.kind === 'move')
            db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(ROWS + 10, t.seq);
          else {
            const v = (
              db.prepare(`SELECT ${t.column} AS v FROM audit_log WHERE seq = ?`).get(t.seq) as { v: unknown }
            ).v;
            const edited =
              typeof v === 'number'
                ? v + 1
                : Buffer.isBuffer(v)
                  ? Buffer.from(v.map((b, i) => (i === 0 ? b ^ 1 : b)))
                  : `${String(v)}x`;
            db.prepare(`UPDATE audit_log SET ${t.column} = ? WHERE seq = ?`).run(edited, t.seq);
          }
          db.close();
          const { main, worker } = await bothWays(path, head, fromMiddle ? middle : undefined);
          expect(worker, JSON.stringify(t)).toEqual(main);
          rmSync(path, { force: true });
        },
      ),
      { numRuns: 40, seed: 20261207 },
    );
  }, 120_000);
});
