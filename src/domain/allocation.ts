/**
 * Which door a new dossier gets: the smallest free door that fits.
 * A door is free only if nothing could be in it or about to be put in it; anything the
 * controller is unsure about (an open door, a sensor that sees an item, an operation whose
 * outcome is not settled) keeps the door out of the choice.
 */
export const DOOR_SIZES = ['S', 'M', 'L'] as const;
export type DoorSize = (typeof DOOR_SIZES)[number];

export interface DoorStatus {
  doorId: string;
  size: DoorSize;
  /** Place in the bank; the lower position wins among equal sizes so the choice is reproducible. */
  position: number;
  inService: boolean;
  /** A live dossier holds this door (reserved, deposited, ready, needs inspection...). */
  assigned: boolean;
  /** An open/close operation was recorded but its outcome is not yet settled. */
  unsettledOperation: boolean;
  /** The presence sensor's reading; null where the board has none. */
  itemPresent: boolean | null;
  /** The door's last reading is open. */
  open: boolean;
}

export type NoDoorReason =
  | 'no_door_fits' // the bank has no door of that size or larger
  | 'all_out_of_service' // every door that fits is out of service
  | 'all_in_use'; // every door that fits and works is taken or unsettled

export type Allocation = { door: DoorStatus; upsized: boolean } | { door: null; reason: NoDoorReason };

export function sizeRank(size: DoorSize): number {
  return DOOR_SIZES.indexOf(size);
}

export function fits(door: DoorSize, needed: DoorSize): boolean {
  return sizeRank(door) >= sizeRank(needed);
}

export function isFree(door: DoorStatus): boolean {
  return (
    door.inService && !door.assigned && !door.unsettledOperation && door.itemPresent !== true && !door.open
  );
}

export function allocateDoor(doors: readonly DoorStatus[], needed: DoorSize): Allocation {
  const fitting = doors.filter((d) => fits(d.size, needed));
  if (fitting.length === 0) return { door: null, reason: 'no_door_fits' };
  const free = fitting.filter(isFree);
  if (free.length === 0) {
    const working = fitting.some((d) => d.inService);
    return { door: null, reason: working ? 'all_in_use' : 'all_out_of_service' };
  }
  const best = [...free].sort(
    (a, b) =>
      sizeRank(a.size) - sizeRank(b.size) ||
      a.position - b.position ||
      (a.doorId < b.doorId ? -1 : a.doorId > b.doorId ? 1 : 0),
  )[0]!;
  return { door: best, upsized: best.size !== needed };
}
