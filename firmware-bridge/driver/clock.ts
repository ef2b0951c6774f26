/**
 * Time as the link sees it: a monotonic now() in milliseconds and one-shot timers. Production
 * uses the process clock; tests pass a manual clock and advance it, so timing rules (the settle
 * window after an unlock, the quiet wait after a timeout, the jam window, polling) are checked
 * in simulated time instead of real sleeps that flake on a loaded machine.
 */
export interface LinkClock {
  now(): number;
  setTimeout(run: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Whatever the clock's setTimeout returned; only ever handed back to its clearTimeout. */
export type TimerHandle = unknown;

export const SYSTEM_CLOCK: LinkClock = Object.freeze({
  now: () => performance.now(),
  setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
  clearTimeout: (handle: TimerHandle) => clearTimeout(handle as NodeJS.Timeout),
});

/** Resolves after `ms` on this clock. */
export function sleep(clock: LinkClock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.setTimeout(resolve, Math.max(0, ms));
  });
}
