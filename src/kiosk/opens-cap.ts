import { KioskRefusal } from './refusals';

const MINUTE_MS = 60_000;

/**
 * The kiosk-wide cap on door opens per minute (a sliding window). Every path that opens a door
 * takes a slot first; a refused open is answered `opens_capped` before the ledger is asked.
 * The window lives in memory, but it starts from the door operations the ledger recorded in the
 * last minute (`recent`): a daemon restarted by systemd is back within seconds, and a restart
 * must not give whoever is hammering the doors a fresh minute.
 */
export class OpensCap {
  private readonly times: number[];

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
    recent: readonly number[] = [],
  ) {
    const now = clock();
    this.times = recent.filter((at) => at > now - MINUTE_MS && at <= now).sort((a, b) => a - b);
  }

  /** Takes n slots at once or none; throws opens_capped when they do not fit. */
  take(n = 1): void {
    const now = this.clock();
    while (this.times.length > 0 && this.times[0]! <= now - MINUTE_MS) this.times.shift();
    if (this.times.length + n > this.perMinute) throw new KioskRefusal('opens_capped', { wanted: n });
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
