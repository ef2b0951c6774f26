import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Store } from '../store';

/** A loop stalled longer than this between two watchdog ticks is not healthy. */
const MAX_LOOP_DELAY_MS = 5000;

/**
 * What the systemd watchdog asks before each feeding: the event loop turns (no stall of seconds
 * since the last ask) and the store answers a read. Links being down is not a reason to be
 * restarted: the link reconnects by itself, and a restart would not bring a cable back.
 */
export function processHealth(store: Store): { healthy(): boolean; stop(): void } {
  const delay = monitorEventLoopDelay({ resolution: 50 });
  delay.enable();
  return {
    healthy() {
      const stalledMs = delay.max / 1e6;
      delay.reset();
      if (stalledMs > MAX_LOOP_DELAY_MS) return false;
      try {
        store.read(() => store.settings.maintenanceMode());
        return true;
      } catch {
        return false;
      }
    },
    stop: () => delay.disable(),
  };
}
