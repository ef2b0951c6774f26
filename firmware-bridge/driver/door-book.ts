import type { BoardReading, DoorAddress, DoorReading } from './types';

interface DoorTrack {
  stable: DoorReading;
  /** An open/closed value seen but not yet confirmed, and how many times in a row. */
  candidate: boolean | null;
  count: number;
}

export type DoorChange = { door: DoorAddress; open: boolean } | { door: DoorAddress; present: boolean };

/**
 * The debounced picture of every door. A door's open/closed change is believed only after
 * `readings` consecutive equal readings (a flickering sensor otherwise reports false closes).
 * A reading is one status reply, or one line-dialect event (the board's own report counts as
 * one reading; a status read confirms it). The first reading of a door is taken as it is.
 */
export class DoorBook {
  private readonly boards = new Map<number, DoorTrack[]>();

  constructor(
    private readonly readings: number,
    private readonly changed: (change: DoorChange) => void,
  ) {}

  observeBoard(reading: BoardReading): void {
    reading.doors.forEach((door, channel) => {
      this.observe({ board: reading.board, channel }, door);
    });
  }

  /** One reading of one door; fields left out keep their last value. */
  observe(door: DoorAddress, reading: Partial<DoorReading>): void {
    let tracks = this.boards.get(door.board);
    if (!tracks) {
      tracks = [];
      this.boards.set(door.board, tracks);
    }
    const track = tracks[door.channel];
    if (!track) {
      tracks[door.channel] = {
        stable: {
          locked: reading.locked ?? true,
          open: reading.open ?? false,
          present: reading.present ?? null,
        },
        candidate: null,
        count: 0,
      };
      return;
    }
    if (reading.locked !== undefined) track.stable.locked = reading.locked;
    if (reading.present !== undefined && reading.present !== track.stable.present) {
      track.stable.present = reading.present;
      if (reading.present !== null) this.changed({ door, present: reading.present });
    }
    if (reading.open === undefined) return;
    if (reading.open === track.stable.open) {
      track.candidate = null;
      track.count = 0;
      return;
    }
    track.count = track.candidate === reading.open ? track.count + 1 : 1;
    track.candidate = reading.open;
    if (track.count >= this.readings) {
      track.stable.open = reading.open;
      track.candidate = null;
      track.count = 0;
      this.changed({ door, open: reading.open });
    }
  }

  get(door: DoorAddress): DoorReading | null {
    const track = this.boards.get(door.board)?.[door.channel];
    return track ? { ...track.stable } : null;
  }

  /** A change seen once and waiting for confirmation. */
  unconfirmed(door: DoorAddress): boolean | null {
    return this.boards.get(door.board)?.[door.channel]?.candidate ?? null;
  }

  snapshot(): BoardReading[] {
    return [...this.boards.entries()]
      .sort(([a], [b]) => a - b)
      .map(([board, tracks]) => ({ board, doors: tracks.map((t) => ({ ...t.stable })) }));
  }
}
