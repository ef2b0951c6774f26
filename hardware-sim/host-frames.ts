import type { Cancel, Scheduler } from './clock';
import type { SimEvent } from './events';

/** A frame the boards accepted from the host: its bytes and what they asked for. */
export interface HostFrame {
  bytes: Buffer;
  text: string;
}

interface Waiter {
  predicate: (frame: HostFrame) => boolean;
  resolve: (frame: HostFrame) => void;
  reject: (error: Error) => void;
  cancel: Cancel;
}

/**
 * Expectations on what the host sends, after zwave-js's mock controller
 * (`expectHostMessage(timeout, predicate)`): a test waits for the frame itself instead of
 * polling and sleeping. Timeouts run on the simulator's clock, so a manual clock drives them.
 */
export class HostFrames {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly scheduler: Scheduler) {}

  expect(timeoutMs: number, predicate: (frame: HostFrame) => boolean = () => true): Promise<HostFrame> {
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
      return Promise.reject(new Error(`expectHostFrame: timeout ${timeoutMs} is not a number of ms >= 0`));
    return new Promise<HostFrame>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        cancel: this.scheduler.at(this.scheduler.now() + timeoutMs, () => {
          this.waiters.delete(waiter);
          reject(new Error(`the host sent no matching frame within ${timeoutMs} ms`));
        }),
      };
      this.waiters.add(waiter);
    });
  }

  observe(event: SimEvent): void {
    if (event.type !== 'rx' || !event.accepted || this.waiters.size === 0) return;
    const frame: HostFrame = { bytes: Buffer.from(event.bytes), text: event.text };
    for (const waiter of [...this.waiters]) {
      let matches: boolean;
      try {
        matches = waiter.predicate(frame);
      } catch (error) {
        this.settle(waiter);
        waiter.reject(error as Error);
        continue;
      }
      if (!matches) continue;
      this.settle(waiter);
      waiter.resolve(frame);
    }
  }

  /** The simulator is stopping: nobody will send anything more. */
  stop(): void {
    for (const waiter of [...this.waiters]) {
      this.settle(waiter);
      waiter.reject(new Error('the simulator stopped before the host sent a matching frame'));
    }
  }

  private settle(waiter: Waiter): void {
    waiter.cancel();
    this.waiters.delete(waiter);
  }
}
