import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { connectionOf } from '../../src/store/internal';
import { OPEN_DOSSIER_STATES } from '../../src/store/states';
import { seedSyntheticDossiers } from '../../src/store/synthetic';
import { DAY, T0, tempDir } from './fixtures';

/**
 * Every statement the store prepares, planned by SQLite on a real file: none may walk a table
 * that grows with the kiosk's history, and every index must serve at least one statement. The
 * statements are caught as the store prepares them (a spy on prepare), so a new query is checked
 * without being listed here. Plans are read before and after ANALYZE: the daemon's close runs
 * PRAGMA optimize, which may write statistics that change the planner's choices.
 */

/** Tables that grow with every dossier (aliases as the store's queries write them). */
const GROWING = new Set([
  'dossiers',
  'd',
  'door_operations',
  'o',
  'audit_log',
  'pickup_credentials',
  'notification_outbox',
  'incidents',
  'dossier_attempts',
]);

/** Statements allowed to read a growing table from a point on, each with why. */
const KNOWN_WALKS: readonly { sql: RegExp; why: string }[] = [
  { sql: /FROM audit_log WHERE seq > \? ORDER BY seq$/, why: 'the audit chain walk (off the citizen path)' },
  { sql: /FROM audit_log WHERE seq > \? LIMIT 1$/, why: 'stops at the first row' },
  { sql: /ORDER BY (seq|id) DESC LIMIT \?$/, why: 'newest rows, stops after LIMIT' },
  { sql: /ORDER BY seq DESC LIMIT 1$/, why: 'the chain head' },
  { sql: /FROM audit_log WHERE seq > \? ORDER BY seq LIMIT \?$/, why: 'a page of the walk' },
  {
    sql: /FROM dossiers WHERE state = \? AND id > \? ORDER BY id LIMIT \?$/,
    why: 'final states: no daemon path lists them',
  },
  { sql: /FROM door_operations WHERE dossier_id = \? ORDER BY id$/, why: 'tests and investigations only' },
];

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

type PlanRow = { detail: string };

function planOf(db: Database.Database, sql: string): PlanRow[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = [...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!);
  if (named.length > 0) return stmt.all(Object.fromEntries(named.map((n) => [n, 1]))) as PlanRow[];
  return stmt.all(...new Array((sql.match(/\?/g) ?? []).length).fill(1)) as PlanRow[];
}

/** Indexes with a WHERE: they hold the open work only (live dossiers, unsettled operations). */
function partialIndexes(db: Database.Database): Set<string> {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as {
    name: string;
    sql: string;
  }[];
  return new Set(rows.filter((r) => /\sWHERE\s/i.test(r.sql)).map((r) => r.name));
}

/**
 * A plan step that reads a growing table whole, or from a bound on: its cost follows history.
 * Reading a partial index whole is bounded by the open work it holds.
 */
function walks(detail: string, partial: Set<string>): boolean {
  const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail);
  if (scan && GROWING.has(scan[1]!)) return scan[2] === undefined || !partial.has(scan[2]);
  const search = /^SEARCH (\w+) USING (?:INTEGER PRIMARY KEY|(?:COVERING )?INDEX \w+) \((.*)\)$/.exec(detail);
  // A range with no equality before it: open at one end, or a rowid range.
  return (
    search !== null &&
    GROWING.has(search[1]!) &&
    !search[2]!.includes('=') &&
    /[<>]/.test(search[2]!) &&
    /rowid/.test(search[2]!)
  );
}

let tmp: ReturnType<typeof tempDir>;
let store: Store;
/** One-line text (for matching) -> the statement as prepared (its `--` comments end at a newline). */
const prepared = new Map<string, string>();

beforeAll(() => {
  tmp = tempDir('plans-');
  const original = Database.prototype.prepare;
  const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (
    this: Database.Database,
    source: string,
  ) {
    prepared.set(oneLine(source), source);
    return original.call(this, source);
  } as typeof original);
  try {
    store = openStore(tmp.file('ledger.db'), { idleCheckpointMs: null });
    seedSyntheticDossiers(store, 3000, { seed: 7, start: T0 - 60 * DAY, spanDays: 60, batchSize: 1000 });
    // The statements built on first use.
    for (const state of ['deposited', 'picked_up'] as const) store.dossiers.listByState(state, 10);
    store.purgePersonalData({ now: T0, retentionDays: 30, actor: 'test' });
    store.write(() => store.dossiers.update(1, { rating: 5 }, 'picked_up'));
    store.write(() => store.dossiers.update(1, { rating: 4 }));
  } finally {
    spy.mockRestore();
  }
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe.each([
  ['without statistics', false],
  ['after ANALYZE', true],
])('query plans %s', (_label, analyze) => {
  beforeAll(() => {
    if (analyze) connectionOf(store).exec('ANALYZE');
  });

  it('no statement walks a table that grows with history', () => {
    const db = connectionOf(store);
    const partial = partialIndexes(db);
    const offenders: string[] = [];
    for (const [sql, source] of prepared) {
      if (!/^(SELECT|UPDATE|DELETE|INSERT|WITH)/i.test(sql)) continue;
      if (KNOWN_WALKS.some((k) => k.sql.test(sql))) continue;
      const steps = planOf(db, source).filter((r) => walks(r.detail, partial));
      if (steps.length > 0) offenders.push(`${sql}\n  -> ${steps.map((s) => s.detail).join(' | ')}`);
    }
    expect(prepared.size).toBeGreaterThan(40);
    expect(offenders).toEqual([]);
  });

  it('every index serves at least one statement', () => {
    const db = connectionOf(store);
    const used = new Set<string>();
    for (const [sql, source] of prepared) {
      if (!/^(SELECT|UPDATE|DELETE|WITH)/i.test(sql)) continue;
      for (const r of planOf(db, source)) {
        const m = /INDEX (\w+)/.exec(r.detail);
        if (m) used.add(m[1]!);
      }
    }
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'")
      .pluck()
      .all() as string[];
    expect(indexes.filter((name) => !used.has(name))).toEqual([]);
  });

  it('lists every open state through the work-list index', () => {
    const db = connectionOf(store);
    const sql = [...prepared.keys()].find((s) => s.includes('state IN (') && s.includes('AND id > ?'))!;
    expect(sql).toBeDefined();
    const plan = planOf(db, prepared.get(sql)!).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH dossiers USING INDEX dossiers_open_state (state=? AND rowid>?)']);
    expect(OPEN_DOSSIER_STATES).toContain('at_counter');
  });
});

describe('the work lists', () => {
  it('return the open dossiers of a state, in id order, page by page', () => {
    const ids: number[] = [];
    store.write(() => {
      for (const [i, state] of (['deposited', 'at_counter', 'deposited', 'ready'] as const).entries()) {
        ids.push(
          store.dossiers.insert({
            receiptNo: `PLAN-${i}`,
            procedureCode: 'SYN.001',
            origin: 'kiosk',
            state,
            createdAt: T0 + i,
          }),
        );
      }
    });
    expect(store.dossiers.listByState('deposited', 1).map((d) => d.id)).toEqual([ids[0]]);
    expect(store.dossiers.listByState('deposited', 10, ids[0]).map((d) => d.id)).toEqual([ids[2]]);
    expect(store.dossiers.listByState('at_counter', 10).map((d) => d.id)).toEqual([ids[1]]);
    expect(store.dossiers.listByState('picked_up', 2)).toHaveLength(2);
  });
});
