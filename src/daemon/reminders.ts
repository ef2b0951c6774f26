import type { Logger } from 'pino';
import { queueDueReminders, type ReminderPolicy } from '../kiosk';
import type { Store } from '../store';

/** Checks every minute whether the day's reminders are due. Returns the stop function. */
export function scheduleReminders(
  store: Store,
  policy: ReminderPolicy,
  clock: () => number,
  log: Logger,
): () => void {
  const tick = () => {
    try {
      const queued = queueDueReminders(store, policy, clock());
      if (queued !== null) log.info({ queued }, 'pickup reminders queued');
    } catch (error) {
      log.error({ err: (error as Error).message }, 'pickup reminders not queued');
    }
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
