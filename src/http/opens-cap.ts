import { HttpRefusal } from './errors';

const MINUTE_MS = 60_000;

/**
 * The kiosk-wide cap on door opens per minute (a sliding window). Every route that opens a door
 * takes a slot first; a refused open is answered `opens_capped` before the ledger is asked.
 * Kept in memory: a restart takes longer than the window, so nothing is gained by storing it.
 */
export class OpensCap {
  private readonly times: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
  ) {}

  /** Takes n slots at once or none; throws opens_capped when they do not fit. */
  take(n = 1): void {
    const now = this.clock();
    while (this.times.length > 0 && this.times[0]! <= now - MINUTE_MS) this.times.shift();
    if (this.times.length + n > this.perMinute) throw new HttpRefusal('opens_capped', { wanted: n });
    for (let i = 0; i < n; i++) this.times.push(now);
  }

  /** Gives back slots for opens the ledger refused before any command left (no door moved). */
  giveBack(n = 1): void {
    this.times.splice(this.times.length - n, n);
  }

  /** Runs open() under one slot, giving it back when open() throws before touching a door. */
  async through<T>(open: () => Promise<T>): Promise<T> {
    this.take();
    try {
      return await open();
    } catch (error) {
      this.giveBack();
      throw error;
    }
  }
}
