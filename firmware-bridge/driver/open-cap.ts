/**
 * Door opens allowed per minute on one bus. A remote attack once opened thousands of lockers
 * one by one; a cap turns that into a trickle and a visible refusal.
 */
import { type LinkClock, SYSTEM_CLOCK } from './clock';

export class OpenCap {
  private readonly recent: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly clock: LinkClock = SYSTEM_CLOCK,
  ) {}

  /** Takes a slot now if one is free. */
  take(now = this.clock.now()): boolean {
    while (this.recent.length > 0 && now - this.recent[0]! > 60_000) this.recent.shift();
    if (this.recent.length >= this.perMinute) return false;
    this.recent.push(now);
    return true;
  }
}
