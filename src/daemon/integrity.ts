import type { Logger } from 'pino';
import type { Store } from '../store';

export const INTEGRITY_INCIDENT = 'database_integrity';

/**
 * quick_check once after start, integrity_check on a schedule, both on a read-only connection in
 * a worker so the doors never wait. A failure is an incident for technicians, not a crash: the
 * ledger keeps its last good state and a person decides whether to restore a backup.
 */
export function scheduleIntegrityChecks(
  store: Store,
  everyMs: number,
  clock: () => number,
  log: Logger,
): () => void {
  let stopped = false;
  const run = (kind: 'quick_check' | 'integrity_check') => {
    store.checkInBackground(kind).then(
      (report) => {
        if (stopped) return;
        if (report.ok) {
          log.info({ kind, ms: Math.round(report.ms) }, 'database check passed');
          return;
        }
        log.error({ kind, problems: report.problems.length }, 'database check failed');
        store.write(() =>
          store.incidents.open({ kind: INTEGRITY_INCIDENT, openedAt: clock(), detail: `${kind} failed` }),
        );
      },
      (error: Error) => {
        if (!stopped) log.error({ kind, err: error.name }, 'database check could not run');
      },
    );
  };
  run('quick_check');
  const timer = setInterval(() => run('integrity_check'), everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
