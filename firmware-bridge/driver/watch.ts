import type { LinkClock } from './clock';
import type { DoorBook } from './door-book';
import type { LinkOptions } from './options';
import { type BoardReading, type DoorAddress, LinkError } from './types';

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
    private readonly clock: LinkClock,
  ) {}

  /** The book believed a change of this door. */
  changed(door: DoorAddress): void {
    for (const wake of this.waiters.get(key(door)) ?? []) wake();
  }

  /**
   * Resolves with when the door was believed open; null when the window closed with the board
   * answering and the door shut; 'link_lost' when the link was down (or stopped) at the end, so
   * nobody can say whether the door opened.
   */
  async until(door: DoorAddress, windowMs: number): Promise<number | null | 'link_lost'> {
    const deadline = this.clock.now() + windowMs;
    let linkLost = false;
    for (;;) {
      if (this.book.get(door)?.open) return this.clock.now();
      const remaining = deadline - this.clock.now();
      if (remaining <= 0) return linkLost ? 'link_lost' : null;
      // A first "open" waiting for its confirming reading is read again at once, unless the
      // link is down: a read then fails without a turn of the event loop, and retrying at once
      // would spin the whole process until the window closes.
      if (this.book.unconfirmed(door) !== true || linkLost)
        await this.changeOrDelay(door, Math.min(remaining, this.options.watchPollMs));
      if (this.book.get(door)?.open) return this.clock.now();
      if (this.clock.now() >= deadline) return linkLost ? 'link_lost' : null;
      try {
        await this.read(door.board);
        linkLost = false;
      } catch (error) {
        // An unanswered read is counted by the link; keep watching until the window closes,
        // unless the link was stopped for good.
        const code = error instanceof LinkError ? error.code : 'link_down';
        if (code === 'stopped') return 'link_lost';
        if (code === 'link_down') linkLost = true;
      }
    }
  }

  private changeOrDelay(door: DoorAddress, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(key(door)) ?? new Set<() => void>();
      this.waiters.set(key(door), set);
      const done = () => {
        this.clock.clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(key(door));
        resolve();
      };
      const timer = this.clock.setTimeout(done, ms);
      set.add(done);
    });
  }
}
