import type { DoorBook } from './door-book';
import type { LinkOptions } from './options';
import type { BoardReading, DoorAddress } from './types';

const key = (door: DoorAddress) => `${door.board}:${door.channel}`;

/**
 * Watches a door after the board executed an open: waits for a change (a line event) or the
 * next poll interval, reads the board, and reads again at once when a first "open" waits for
 * its confirming reading. Resolves with when the door was believed open, or null after the window.
 */
export class DoorWatch {
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly book: DoorBook,
    private readonly options: Pick<LinkOptions, 'watchPollMs'>,
    private readonly read: (board: number) => Promise<BoardReading>,
  ) {}

  /** The book believed a change of this door. */
  changed(door: DoorAddress): void {
    for (const wake of this.waiters.get(key(door)) ?? []) wake();
  }

  async until(door: DoorAddress, windowMs: number): Promise<number | null> {
    const deadline = performance.now() + windowMs;
    for (;;) {
      if (this.book.get(door)?.open) return performance.now();
      const remaining = deadline - performance.now();
      if (remaining <= 0) return null;
      if (this.book.unconfirmed(door) !== true)
        await this.changeOrDelay(door, Math.min(remaining, this.options.watchPollMs));
      if (this.book.get(door)?.open) return performance.now();
      if (performance.now() >= deadline) return null;
      try {
        await this.read(door.board);
      } catch {
        // An unanswered read is counted by the link; keep watching until the window closes.
      }
    }
  }

  private changeOrDelay(door: DoorAddress, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(key(door)) ?? new Set<() => void>();
      this.waiters.set(key(door), set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(key(door));
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }
}
