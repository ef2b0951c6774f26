import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUDIT_CHAIN_INCIDENT,
  AUDIT_GUARDS_INCIDENT,
  createAuditAnchor,
  readLastAnchor,
  startAuditAnchor,
} from '../../src/daemon/audit-anchor';
import { openStore, type Store } from '../../src/store';
import { type AuditFields, auditRowHash, GENESIS_HASH } from '../../src/store/audit-hash';
import { DAY, T0, tempDir } from '../store/fixtures';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

let tmp: ReturnType<typeof tempDir>;
let dbFile: string;
let anchorFile: string;
let store: Store;
const clock = () => T0;

beforeEach(() => {
  tmp = tempDir('audit-anchor-');
  dbFile = tmp.file('ledger.db');
  anchorFile = tmp.file('backups/audit-anchors.jsonl');
  store = openStore(dbFile);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** A day at the kiosk as the audit log sees it: deposits, pickups, a wrong code now and then. */
function aDayOfDossiers(rows: number, firstDossier = 1000): void {
  store.write(() => {
    for (let i = 0; i < rows; i++) {
      store.audit.append({
        actor: i % 4 === 0 ? 'staff:S01' : 'kiosk',
        action: ['door.deposit.confirmed', 'door.collect.confirmed', 'credential.failed'][i % 3]!,
        subject: `dossier:${firstDossier + i}`,
        at: T0 + i * 60_000,
        detail: { locker: 1 + (i % 16) },
      });
    }
  });
}

/** Root on the box, with the daemon down: drops the triggers and runs `sql` on the file. */
function tamper(sql: (db: Database.Database) => void): void {
  store.close();
  const db = new Database(dbFile);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  sql(db);
  // Triggers back in place, so only the chain can tell.
  db.exec(`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
  db.close();
  store = openStore(dbFile);
}

const anchorLines = () =>
  existsSync(anchorFile)
    ? readFileSync(anchorFile, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { at: string; seq: number; hash: string; full?: true })
    : [];

describe('the audit anchor', () => {
  it('verifies the chain, appends its head, and next time walks only the rows added since', async () => {
    const { log } = capture();
    aDayOfDossiers(30);
    const anchor = createAuditAnchor(store, { file: anchorFile }, clock, log);
    const first = await anchor.runNow();
    const head = store.audit.exportHead();
    expect(first).toEqual({ ok: true, head, rowsVerified: 30 });
    // The first walk starts at the genesis: the line says it was a full one.
    expect(anchorLines()).toEqual([
      { at: new Date(T0).toISOString(), seq: head.seq, hash: head.hash, full: true },
    ]);

    aDayOfDossiers(7, 2000);
    const second = await anchor.runNow();
    expect(second).toMatchObject({ ok: true, rowsVerified: 7, head: { seq: 37 } });
    expect(anchorLines().map((l) => l.seq)).toEqual([30, 37]);
    expect(store.incidents.listOpen()).toEqual([]);
  });

  it('after a restart, starts from the last line of the anchor file', async () => {
    aDayOfDossiers(12);
    await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    store.close();
    store = openStore(dbFile);
    aDayOfDossiers(5, 3000);
    const after = await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    expect(after).toMatchObject({ ok: true, rowsVerified: 5, head: { seq: 17 } });
  });

  it('walks a long chain in slices and still finds an edit deep inside it', async () => {
    aDayOfDossiers(50);
    const sliced = await createAuditAnchor(
      store,
      { file: anchorFile, sliceRows: 7 },
      clock,
      capture().log,
    ).runNow();
    expect(sliced).toMatchObject({ ok: true, rowsVerified: 50, head: { seq: 50 } });

    aDayOfDossiers(40, 5000);
    tamper((db) => db.prepare("UPDATE audit_log SET actor = 'kiosk' WHERE seq = 83").run());
    const { log, lines } = capture();
    const broken = await createAuditAnchor(store, { file: anchorFile, sliceRows: 7 }, clock, log).runNow();
    expect(broken).toMatchObject({ ok: false, brokenAt: 83 });
    expect(lines.find((l) => l.msg === 'audit chain broken')).toMatchObject({ level: 50, brokenAt: 83 });
    expect(anchorLines().map((l) => l.seq)).toEqual([50]); // a broken chain's head is not anchored
  });

  it('raises one incident for a tampered row after the anchor, and logs the first broken link', async () => {
    aDayOfDossiers(20);
    await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    aDayOfDossiers(10, 4000);
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 24').run());

    const { log, lines } = capture();
    const anchor = createAuditAnchor(store, { file: anchorFile }, clock, log);
    const outcome = await anchor.runNow();
    expect(outcome).toMatchObject({ ok: false, brokenAt: 24 });
    const error = lines.find((l) => l.level === 50);
    expect(error).toMatchObject({ msg: 'audit chain broken', brokenAt: 24, incident: AUDIT_CHAIN_INCIDENT });
    expect(String(error?.reason)).toContain('seq 24');
    const incidents = store.incidents.listOpen();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: AUDIT_CHAIN_INCIDENT, openedAt: T0 });
    expect(incidents[0]!.detail).toContain('seq 24');

    // The next day's check reports it again but does not pile up incidents.
    expect(await anchor.runNow()).toMatchObject({ ok: false, brokenAt: 24 });
    expect(store.incidents.listOpen()).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'audit chain broken')).toHaveLength(2);
  });

  it('catches a chain rewritten consistently up to its end, which only the anchored head exposes', async () => {
    aDayOfDossiers(20);
    await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    // Root rewrites seq 15 and re-hashes every row from there on: the chain is self-consistent.
    tamper((db) => {
      db.prepare("UPDATE audit_log SET action = 'door.deposit.cancelled' WHERE seq = 15").run();
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditFields[];
      const fix = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
      let prev: Buffer = GENESIS_HASH;
      for (const row of rows) {
        const hash = auditRowHash(prev, row);
        fix.run(prev, hash, row.seq);
        prev = hash;
      }
    });
    expect(store.audit.verifyChain().ok).toBe(true);
    const outcome = await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    expect(outcome).toMatchObject({ ok: false, brokenAt: 20 });
    expect(store.incidents.listOpen().map((i) => i.kind)).toEqual([AUDIT_CHAIN_INCIDENT]);
  });

  it('walks from the genesis once a week, and so finds an old row edited with its hash left alone', async () => {
    let now = T0;
    const weekly = () => createAuditAnchor(store, { file: anchorFile }, () => now, capture().log);
    aDayOfDossiers(20);
    expect(await weekly().runNow()).toMatchObject({ ok: true, rowsVerified: 20 });
    aDayOfDossiers(5, 8000);
    // Root edits seq 6, long anchored, and keeps its hash: the anchored head still matches.
    tamper((db) => db.prepare("UPDATE audit_log SET actor = 'staff:S02' WHERE seq = 6").run());

    now = T0 + DAY;
    const daily = await weekly().runNow();
    expect(daily).toMatchObject({ ok: true, rowsVerified: 5, head: { seq: 25 } });
    expect(anchorLines().map((l) => l.full ?? false)).toEqual([true, false]);

    now = T0 + 7 * DAY;
    const { log, lines } = capture();
    const full = await createAuditAnchor(store, { file: anchorFile }, () => now, log).runNow();
    expect(full).toMatchObject({ ok: false, brokenAt: 6 });
    expect(lines.find((l) => l.msg === 'audit chain broken')).toMatchObject({ brokenAt: 6 });
    expect(store.incidents.listOpen().map((i) => i.kind)).toEqual([AUDIT_CHAIN_INCIDENT]);
  });

  it('takes the time of the last full walk from the anchor file, across restarts', async () => {
    let now = T0;
    const anchorAt = () =>
      createAuditAnchor(store, { file: anchorFile, sliceRows: 4 }, () => now, capture().log);
    aDayOfDossiers(10);
    expect(await anchorAt().runNow()).toMatchObject({ ok: true, rowsVerified: 10 });
    for (let day = 1; day <= 6; day++) {
      now = T0 + day * DAY;
      aDayOfDossiers(2, 9000 + day * 10);
      expect(await anchorAt().runNow(), `day ${day}`).toMatchObject({ ok: true, rowsVerified: 2 });
    }
    now = T0 + 7 * DAY;
    aDayOfDossiers(2, 9100);
    expect(await anchorAt().runNow()).toMatchObject({ ok: true, rowsVerified: 24, head: { seq: 24 } });
    expect(
      anchorLines()
        .filter((l) => l.full)
        .map((l) => l.seq),
    ).toEqual([10, 24]);
    // A torn last line does not hide the full walk before it.
    appendFileSync(anchorFile, '{"at":"2026-11-1');
    now = T0 + 8 * DAY;
    aDayOfDossiers(1, 9200);
    expect(await anchorAt().runNow()).toMatchObject({ ok: true, rowsVerified: 1 });
  });

  it('raises an incident when the append-only triggers are gone', async () => {
    aDayOfDossiers(3);
    store.close();
    const db = new Database(dbFile);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.close();
    store = openStore(dbFile);
    const { log, lines } = capture();
    const outcome = await createAuditAnchor(store, { file: anchorFile }, clock, log).runNow();
    expect(outcome.ok).toBe(true); // the rows are still intact
    expect(store.incidents.listOpen().map((i) => i.kind)).toEqual([AUDIT_GUARDS_INCIDENT]);
    expect(lines.some((l) => l.level === 50 && l.incident === AUDIT_GUARDS_INCIDENT)).toBe(true);
  });

  it('starts after a line torn by a power cut, from the last whole line', async () => {
    aDayOfDossiers(8);
    await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    appendFileSync(anchorFile, '{"at":"2026-11-0');
    expect(readLastAnchor(anchorFile)?.seq).toBe(8);
    aDayOfDossiers(2, 6000);
    const outcome = await createAuditAnchor(store, { file: anchorFile }, clock, capture().log).runNow();
    expect(outcome).toMatchObject({ ok: true, rowsVerified: 2 });
    expect(readLastAnchor(anchorFile)?.seq).toBe(10);
  });

  it('runs at start-up and again on its schedule, and stops', async () => {
    aDayOfDossiers(4);
    const stop = startAuditAnchor(store, { file: anchorFile, everyMs: 100 }, clock, capture().log);
    try {
      await waitUntil(() => anchorLines().length >= 1);
      expect(anchorLines()[0]!.seq).toBe(4);
      aDayOfDossiers(3, 7000);
      await waitUntil(() => anchorLines().some((l) => l.seq === 7));
    } finally {
      stop();
    }
    const count = anchorLines().length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(anchorLines()).toHaveLength(count);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
