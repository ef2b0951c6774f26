/**
 * The store's hot paths, each timed as the daemon runs it (the same repository calls, page by
 * page where the caller pages), so that the same list can be timed on a long and a short history:
 * - list_deposited: the staff's "to collect" list (GET /staff/deposited);
 * - late_list: GET /staff/late, every dossier still waiting for its result or its pickup, the
 *   late ones kept (src/http/routes/staff-reports.ts);
 * - uncollected: results ready in their doors (reclaim list, daily reminders);
 * - external_code: loading looks a dossier up by its one-stop code among those at the counter;
 * - inspection: the technician's needs_inspection list;
 * - door_history: a door's latest 50 operations;
 * - door_occupancy: every door with its live dossier and unsettled operation (allocation);
 * - unsettled: start-up reconciliation's unfinished operations;
 * - month_report: the supervisor's figures for the history's last month, and its incident count.
 */
import type { Dossier, DossierState, Store } from '../../src/store';
import { HISTORY_END } from './seed-database';

const PAGE = 500;
const ICT_OFFSET_MS = 7 * 3_600_000;
const LATE_STATES: readonly DossierState[] = ['deposited', 'collecting', 'at_counter', 'loading', 'ready'];

function allInState(store: Store, state: DossierState): Dossier[] {
  const out: Dossier[] = [];
  for (let after = 0; ; ) {
    const page = store.dossiers.listByState(state, PAGE, after);
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page[page.length - 1]!.id;
  }
}

/** The last calendar month (Asia/Ho_Chi_Minh) before the history's end. */
function lastMonth(): [number, number] {
  const end = new Date(HISTORY_END + ICT_OFFSET_MS);
  const to = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1) - ICT_OFFSET_MS;
  const from = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1) - ICT_OFFSET_MS;
  return [from, to];
}

export type HotPath = { readonly name: string; readonly run: (store: Store) => unknown };

export const HOT_PATHS: readonly HotPath[] = [
  { name: 'list_deposited', run: (s) => allInState(s, 'deposited') },
  {
    name: 'late_list',
    run: (s) => LATE_STATES.flatMap((state) => allInState(s, state)).filter((d) => d.late),
  },
  { name: 'uncollected', run: (s) => allInState(s, 'ready') },
  {
    name: 'external_code',
    run: (s) => allInState(s, 'at_counter').find((d) => d.externalCode === 'MC-NOT-THERE'),
  },
  { name: 'inspection', run: (s) => allInState(s, 'needs_inspection') },
  { name: 'door_history', run: (s) => s.doorOperations.listForLocker(1, 50) },
  { name: 'door_occupancy', run: (s) => s.lockers.listWithOccupancy() },
  { name: 'unsettled', run: (s) => s.doorOperations.listUnsettled() },
  {
    name: 'month_report',
    run: (s) => {
      const [from, to] = lastMonth();
      return [s.reports.periodFigures(from, to), s.incidents.countOpenedBetween(from, to)];
    },
  },
];

/** Median milliseconds of each path over `rounds` runs, after a warm-up, paths interleaved. */
export function timeHotPaths(store: Store, rounds: number): Record<string, number> {
  for (const path of HOT_PATHS) for (let i = 0; i < 3; i++) path.run(store);
  const samples = new Map<string, number[]>(HOT_PATHS.map((p) => [p.name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const path of HOT_PATHS) {
      const started = performance.now();
      path.run(store);
      samples.get(path.name)!.push(performance.now() - started);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, xs] of samples) {
    xs.sort((a, b) => a - b);
    out[name] = xs[Math.floor(xs.length / 2)]!;
  }
  return out;
}
