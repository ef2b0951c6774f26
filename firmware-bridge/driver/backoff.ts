import { type LinkClock, SYSTEM_CLOCK } from './clock';

/** Reconnect delays: first `initialMs`, doubling up to `maxMs`, back to the start once ready. */
export class Backoff {
  private next: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {
    this.next = initialMs;
  }

  take(): number {
    const delay = this.next;
    this.next = Math.min(this.maxMs, Math.max(1, this.next * 2));
    return delay;
  }

  reset(): void {
    this.next = this.initialMs;
  }
}

/** A wait between reconnect attempts that stop() can cut short. */
export class Pause {
  private wake: (() => void) | null = null;

  constructor(private readonly clock: LinkClock = SYSTEM_CLOCK) {}

  for(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => this.interrupt(), ms);
      this.wake = () => {
        this.clock.clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  interrupt(): void {
    this.wake?.();
  }
}
