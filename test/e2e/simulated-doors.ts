import type { Simulator } from '../../hardware-sim/simulator';

/**
 * The doors of a rig's simulated bus by their painted numbers: where each sits (doors are
 * numbered board by board from 1, config/README.md's `lockers[]` blocks) and what a person does
 * to it at the simulator.
 */
export abstract class SimulatedDoors {
  constructor(
    readonly sim: Simulator,
    private readonly doorsPerBoard: number,
  ) {}

  /** The simulator's board and channel of a painted door number. */
  where(door: number): { board: number; channel: number } {
    return { board: Math.floor((door - 1) / this.doorsPerBoard), channel: (door - 1) % this.doorsPerBoard };
  }

  /** Lock fires the simulator recorded on this door. */
  firesAt(door: number) {
    const { board, channel } = this.where(door);
    return this.sim.fires.filter((f) => f.board === board && f.channel === channel);
  }

  put(door: number): void {
    const { board, channel } = this.where(door);
    this.sim.putItem(board, channel);
  }

  take(door: number): void {
    const { board, channel } = this.where(door);
    this.sim.takeItem(board, channel);
  }

  close(door: number): void {
    const { board, channel } = this.where(door);
    this.sim.closeDoor(board, channel);
  }

  /** Waits until the door is open at the simulator (after a lock fire). */
  abstract doorOpens(door: number): Promise<void>;

  /** A person at the door once it opens: puts a dossier or a result in and shuts it. */
  async fillAndShut(door: number): Promise<void> {
    await this.doorOpens(door);
    this.put(door);
    this.close(door);
  }

  /** A person at the door once it opens: takes out what is inside and shuts it. */
  async emptyAndShut(door: number): Promise<void> {
    await this.doorOpens(door);
    this.take(door);
    this.close(door);
  }
}
