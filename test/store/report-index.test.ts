import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database';
import { runMigrations } from '../../src/store/migrate';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { DAY, T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const STATES = ['picked_up', 'cancelled', 'reclaimed', 'needs_inspection'] as const;

/** A version-1 file (before the report index) with a spread of closed and open dossiers. */
function versionOneFile(path: string, count: number): void {
  const raw = new Database(path);
  runMigrations(raw, MIGRATIONS.slice(0, 1));
  raw.exec(
    `INSERT INTO procedures (code, name_vi, name_en, working_days, locker_size) VALUES ('P', 'p', 'p', 3, 'S')`,
  );
  const insert = raw.prepare(`
    INSERT INTO dossiers (receipt_no, procedure_code, origin, state, created_at, ready_at, closed_at, rating, late, apology_at)
    VALUES (?, 'P', 'kiosk', ?, ?, ?, ?, ?, ?, ?)`);
  raw.transaction(() => {
    for (let i = 0; i < count; i++) {
      const created = T0 + ((i * 7919) % 90) * DAY;
      const open = i % 11 === 0;
      const late = i % 5 === 0 ? 1 : 0;
      insert.run(
        `R${i}`,
        open ? 'deposited' : STATES[i % STATES.length],
        created,
        i % 3 === 0 ? null : created + DAY,
        open ? null : created + (i % 9) * DAY,
        i % 4 === 0 ? null : 1 + (i % 5),
        late,
        late && i % 2 === 0 ? created + 2 * DAY : null,
      );
    }
  })();
  raw.close();
}

/** The same figures computed by reading the whole table, with no index at all. */
function figuresByFullScan(path: string, from: number, to: number): Record<string, number | null> {
  const raw = new Database(path, { readonly: true });
  const received = raw
    .prepare('SELECT count(*) AS n FROM dossiers NOT INDEXED WHERE created_at >= ? AND created_at < ?')
    .get(from, to) as { n: number };
  const closed = raw
    .prepare(`
    SELECT
      sum(state = 'picked_up') AS pickedUp, sum(state = 'cancelled') AS cancelled, sum(state = 'reclaimed') AS reclaimed,
      sum(ready_at IS NOT NULL AND late = 0) AS onTime, sum(ready_at IS NOT NULL AND late = 1) AS late,
      sum(late = 1 AND apology_at IS NOT NULL) AS lateWithApology, count(rating) AS ratings, avg(rating) AS ratingAverage
    FROM dossiers NOT INDEXED WHERE closed_at >= ? AND closed_at < ?`)
    .get(from, to) as Record<string, number | null>;
  raw.close();
  return { received: received.n, ...closed };
}

function plan(path: string, sql: string): string {
  const raw = new Database(path, { readonly: true });
  const rows = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[];
  raw.close();
  return rows.map((r) => r.detail).join('\n');
}

describe('report indexes (migrations 002 and 003)', () => {
  it('upgrades a version-1 file and the figures stay those of a full scan', () => {
    const path = tmp.file('ledger.db');
    versionOneFile(path, 2000);
    const store = openStore(path);
    expect(store.migration.from).toBe(1);
    expect(store.migration.applied).toEqual(MIGRATIONS.slice(1).map((m) => m.name));
    for (const [from, to] of [
      [T0, T0 + 30 * DAY],
      [T0 + 30 * DAY, T0 + 60 * DAY],
      [T0 - DAY, T0 + 200 * DAY],
    ] as const) {
      const figures = store.reports.periodFigures(from, to);
      const expected = figuresByFullScan(path, from, to);
      expect(figures.received).toBeGreaterThan(0);
      expect(figures).toMatchObject({
        received: expected.received,
        pickedUp: expected.pickedUp,
        cancelled: expected.cancelled,
        reclaimed: expected.reclaimed,
        onTime: expected.onTime,
        late: expected.late,
        lateWithApology: expected.lateWithApology,
        ratings: expected.ratings,
        ratingAverage: expected.ratingAverage,
      });
    }
    store.close();
  });

  it("reads a month's closed dossiers from the index alone, and the purge still finds its rows by index", () => {
    const path = tmp.file('ledger.db');
    openStore(path).close();
    const closedPlan = plan(
      path,
      `SELECT count(*) FILTER (WHERE state = 'picked_up'), count(*) FILTER (WHERE ready_at IS NOT NULL AND late = 0),
        count(*) FILTER (WHERE late = 1 AND apology_at IS NOT NULL), count(rating), avg(rating)
       FROM dossiers WHERE closed_at >= ? AND closed_at < ?`,
    );
    expect(closedPlan).toContain('USING COVERING INDEX dossiers_closed_report');
    // Dossiers in: per procedure, one range each of dossiers_procedure_created (migration 005).
    const receivedPlan = plan(
      path,
      'SELECT count(*) FROM dossiers WHERE procedure_code IN (SELECT code FROM procedures) AND created_at >= ? AND created_at < ?',
    );
    expect(receivedPlan).toContain(
      'USING COVERING INDEX dossiers_procedure_created (procedure_code=? AND created_at>? AND created_at<?)',
    );
    // The share of each procedure: one range of the procedure's own entries, nothing sorted.
    const procedurePlan = plan(
      path,
      `SELECT count(*) FROM dossiers WHERE procedure_code = 'P' AND created_at >= ? AND created_at < ?`,
    );
    expect(procedurePlan).toContain(
      'USING COVERING INDEX dossiers_procedure_created (procedure_code=? AND created_at>? AND created_at<?)',
    );
    const staysPlan = plan(
      path,
      `SELECT sum(closed_at - ready_at) FILTER (WHERE state = 'picked_up'), count(deposited_at),
        total(collected_at - deposited_at) FROM dossiers WHERE closed_at >= ? AND closed_at < ?`,
    );
    expect(staysPlan).toContain('USING COVERING INDEX dossiers_closed_report');
    const purgePlan = plan(
      path,
      `SELECT id FROM dossiers
       WHERE purged_at IS NULL AND closed_at IS NOT NULL AND (applicant_name IS NOT NULL OR applicant_phone IS NOT NULL)
         AND closed_at < ? ORDER BY closed_at LIMIT ?`,
    );
    expect(purgePlan).toContain('dossiers_unpurged');
    expect(purgePlan).not.toContain('TEMP B-TREE');
  });
});
