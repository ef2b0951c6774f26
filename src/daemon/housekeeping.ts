import type { Logger } from 'pino';
import type { Ledger } from '../ledger';

/** How often the ledger's periodic duties run: late dossiers and the personal-data purge. */
export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;
/**
 * The first round waits this long: the daemon schedules housekeeping just before its HTTP server
 * listens, and a first start's catch-up (a purge of 89,000 dossiers took 1.7 s, issue 15) must
 * come after the kiosk answers, not hold its start.
 */
export const HOUSEKEEPING_FIRST_DELAY_MS = 1000;

/**
 * The ledger's duties that no citizen or staff action triggers:
 * - late: a dossier whose appointment day has ended without a result loaded is marked late and
 *   its apology queued (the counter's on-time figures and apology letters depend on it);
 * - purge: contact data of dossiers closed longer than the retention period is erased.
 * Both are idempotent and cheap on an index, so they run soon after start and every interval: a
 * kiosk that was off over midnight catches up within a second of listening. A purge that answers
 * `more` goes on in slices, a turn of the event loop between two. A failure is logged and tried
 * again next time; it never stops the daemon. Returns the stop function.
 */
export function scheduleHousekeeping(
  ledger: Pick<Ledger, 'late' | 'purge'>,
  log: Logger,
  everyMs = HOUSEKEEPING_EVERY_MS,
  firstDelayMs = HOUSEKEEPING_FIRST_DELAY_MS,
): () => void {
  let stopped = false;
  const duty = (name: string, run: () => Record<string, number>) => {
    try {
      const counts = run();
      if (Object.values(counts).some((n) => n > 0)) log.info({ duty: name, ...counts }, 'housekeeping done');
    } catch (error) {
      log.error({ duty: name, err: (error as Error).message }, 'housekeeping failed');
    }
  };
  const purgeSlices = async () => {
    let purged = 0;
    for (;;) {
      const result = ledger.purge.run({ maxBatches: 1 });
      purged += result.purged;
      if (!result.more || stopped) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return purged;
  };
  const tick = () => {
    duty('late', () => ({ markedLate: ledger.late.run() }));
    purgeSlices().then(
      (purged) => duty('purge', () => ({ purged })),
      (error: Error) => log.error({ duty: 'purge', err: error.message }, 'housekeeping failed'),
    );
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  const first = setTimeout(tick, firstDelayMs);
  first.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
