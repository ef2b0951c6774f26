import type { Logger } from 'pino';
import type { Ledger } from '../ledger';

/** How often the ledger's periodic duties run: late dossiers and the personal-data purge. */
export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/**
 * The ledger's duties that no citizen or staff action triggers:
 * - late: a dossier whose appointment day has ended without a result loaded is marked late and
 *   its apology queued (the counter's on-time figures and apology letters depend on it);
 * - purge: contact data of dossiers closed longer than the retention period is erased.
 * Both are idempotent and cheap on an index, so they simply run at start and every interval: a
 * kiosk that was off over midnight catches up at once. A failure is logged and tried again next
 * time; it never stops the daemon. Returns the stop function.
 */
export function scheduleHousekeeping(
  ledger: Pick<Ledger, 'late' | 'purge'>,
  log: Logger,
  everyMs = HOUSEKEEPING_EVERY_MS,
): () => void {
  const duty = (name: string, run: () => Record<string, number>) => {
    try {
      const counts = run();
      if (Object.values(counts).some((n) => n > 0)) log.info({ duty: name, ...counts }, 'housekeeping done');
    } catch (error) {
      log.error({ duty: name, err: (error as Error).message }, 'housekeeping failed');
    }
  };
  const tick = () => {
    duty('late', () => ({ markedLate: ledger.late.run() }));
    duty('purge', () => ({ purged: ledger.purge.run().purged }));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
