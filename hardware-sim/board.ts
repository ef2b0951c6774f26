import { Door } from './door';
import { SimError } from './errors';

export interface BoardOptions {
  doors: number;
  /** Delay between the lock releasing and the door swinging open; 0 opens at once. */
  springMs: number;
  /** A channel refuses a new pulse this long after its last one (the solenoid cools down); 0 = never. */
  cooldownMs: number;
}

/** Whether a board would fire a channel now, and if not, why (the firmware's answer). */
export type FireVerdict = 'ok' | 'refused' | 'cooldown';

/** One lock control board: a row of doors, a knob that makes it refuse opens, a solenoid cooldown. */
export class Board {
  readonly doors: Door[];
  refuseOpens = false;
  private readonly lastFire: (number | null)[];

  constructor(
    readonly index: number,
    private readonly options: BoardOptions,
  ) {
    this.doors = Array.from({ length: options.doors }, () => new Door(options.springMs));
    this.lastFire = this.doors.map(() => null);
  }

  door(channel: number): Door {
    const door = this.doors[channel];
    if (!door) {
      throw new SimError(
        'range',
        `board ${this.index} has no channel ${channel} (0-${this.doors.length - 1})`,
      );
    }
    return door;
  }

  verdict(channel: number, now: number): FireVerdict {
    this.door(channel);
    const last = this.lastFire[channel];
    if (this.options.cooldownMs > 0 && last != null && now - last < this.options.cooldownMs) {
      return 'cooldown';
    }
    if (this.refuseOpens) return 'refused';
    return 'ok';
  }

  /** When this channel's lock last fired, or null. */
  lastFireAt(channel: number): number | null {
    return this.lastFire[channel] ?? null;
  }

  /** Pulse the solenoid (the caller has checked the verdict and records the fire). */
  fire(channel: number, now: number): void {
    this.door(channel).pulse(now);
    this.lastFire[channel] = now;
  }
}
