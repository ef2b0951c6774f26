import type { LinkClock, TimerHandle } from '../../../firmware-bridge/driver/clock';

/** Lets pending promise chains and in-memory stream deliveries run (they use real ticks). */
export async function settleTicks(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Simulated time for the link: timers run only when a test advances the clock, in due order,
 * with the event loop's own ticks flushed in between so replies on in-memory streams arrive.
 */
export class ManualClock implements LinkClock {
  private t = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  now(): number {
    return this.t;
  }

  setTimeout(run: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward by ms, running every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await settleTicks();
      let due: [number, { at: number; run: () => void }] | null = null;
      for (const entry of this.timers) {
        if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].run();
    }
    this.t = target;
    await settleTicks();
  }

  /** Advances in steps until the promise settles; fails past maxMs of simulated time. */
  async run<T>(promise: Promise<T>, maxMs = 60_000, stepMs = 5): Promise<T> {
    let done = false;
    const watched = promise.finally(() => {
      done = true;
    });
    watched.catch(() => {});
    const start = this.t;
    while (!done) {
      if (this.t - start > maxMs) throw new Error(`not settled within ${maxMs} ms of simulated time`);
      await this.advance(stepMs);
    }
    return watched;
  }
}
