import { type LinkClock, SYSTEM_CLOCK } from './clock';
import type { DoorAddress } from './types';

const key = (door: DoorAddress) => `${door.board}:${door.channel}`;

/**
 * Which doors may open because we opened them: an open call still running (sending, or
 * watching the door after the board executed), or one the board executed less than a jam
 * window ago. A door that opens outside a claim is an uncommanded open.
 */
export class OpenClaims {
  private readonly claims = new Map<string, { active: number; until: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly clock: LinkClock = SYSTEM_CLOCK,
  ) {}

  claim(door: DoorAddress): { settle(executedAt: number | null): void } {
    const entry = this.claims.get(key(door)) ?? { active: 0, until: 0 };
    entry.active++;
    this.claims.set(key(door), entry);
    let settled = false;
    return {
      settle: (executedAt) => {
        if (settled) return;
        settled = true;
        entry.active--;
        // Refused opens did not run: the door stays unclaimed. Others stay ours for a window,
        // measured from when the board executed (or now, when that is unknown).
        if (executedAt !== null) entry.until = Math.max(entry.until, executedAt + this.windowMs);
      },
    };
  }

  isCommanded(door: DoorAddress, now = this.clock.now()): boolean {
    const entry = this.claims.get(key(door));
    return entry !== undefined && (entry.active > 0 || now < entry.until);
  }
}
