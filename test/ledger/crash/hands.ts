import type { SimEvent, Simulator } from '../../../hardware-sim/simulator';
import type { Random } from './random';

/** What the hands did, for the run's summary. */
export type HandCounters = {
  opensSeen: number;
  put: number;
  taken: number;
  closedUntouched: number;
  leftOpen: number;
};

/**
 * The people at the doors. When a door springs open on a command, after a short while a hand
 * puts an item into an empty locker or takes the item out of a full one (sometimes it does
 * neither), then pushes the door shut; now and then the door is left open for a while first.
 * They act on the physical bank in this process, so they carry on while the controller is dead.
 */
export class Hands {
  readonly counters: HandCounters = { opensSeen: 0, put: 0, taken: 0, closedUntouched: 0, leftOpen: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();
  private held = false;
  private readonly waiting: (() => void)[] = [];
  private readonly listener = (event: SimEvent) => this.onEvent(event);

  constructor(
    private readonly sim: Simulator,
    private readonly random: Random,
    private readonly timing = {
      reachMs: [30, 300] as const,
      closeMs: [20, 200] as const,
      leaveOpenMs: [800, 2500] as const,
    },
  ) {
    sim.on('event', this.listener);
  }

  /** While held, the hands freeze (a check reads the bank); held acts run on release. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    for (const act of this.waiting.splice(0)) act();
  }

  /** How many acts are scheduled or waiting. */
  get busy(): number {
    return this.timers.size + this.waiting.length;
  }

  stop(): void {
    this.sim.off('event', this.listener);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiting.length = 0;
  }

  private onEvent(event: SimEvent): void {
    if (event.type !== 'physical') return;
    const change = event.change;
    if (change.kind !== 'door' || !change.open || !change.commanded) return;
    this.counters.opensSeen++;
    const { board, channel } = change;
    this.after(this.random.int(...this.timing.reachMs), () => this.reachIn(board, channel));
  }

  private reachIn(board: number, channel: number): void {
    const truth = this.sim.truth(board, channel);
    if (!truth.doorOpen) return; // somebody already shut it
    if (truth.present && this.random.chance(0.85)) {
      this.sim.takeItem(board, channel);
      this.counters.taken++;
    } else if (!truth.present && this.random.chance(0.85)) {
      this.sim.putItem(board, channel);
      this.counters.put++;
    } else {
      this.counters.closedUntouched++;
    }
    const leave = this.random.chance(0.08);
    if (leave) this.counters.leftOpen++;
    const delay = leave
      ? this.random.int(...this.timing.leaveOpenMs)
      : this.random.int(...this.timing.closeMs);
    this.after(delay, () => {
      if (this.sim.truth(board, channel).doorOpen) this.sim.closeDoor(board, channel);
    });
  }

  private after(ms: number, act: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.held) this.waiting.push(act);
      else act();
    }, ms);
    this.timers.add(timer);
  }
}
