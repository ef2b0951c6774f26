import type { Static } from 'typebox';
import type { DoorWiring } from '../domain/door';
import type { LockerSize } from '../store';
import type { ConfigProblem } from './errors';
import { validate } from './format-errors';
import { LockerBlock, LockerDoor } from './schema-hardware';

/** One door as the store keeps it; its id is its position, so seeding again finds the same row. */
export interface LockerSeed extends DoorWiring {
  readonly id: number;
  readonly size: LockerSize;
  readonly position: number;
}

type Door = Static<typeof LockerDoor>;
type Block = Static<typeof LockerBlock>;

/** A block has `boards`; anything else is read as a single door, so its errors name door fields. */
function formOf(entry: object): 'block' | 'door' {
  return 'boards' in entry || 'sizes' in entry || 'firstPosition' in entry ? 'block' : 'door';
}

/** Checks each entry against the form it has; null entries (not objects) are left to the schema. */
export function checkLockerEntries(entries: readonly (object | null)[]): ConfigProblem[] {
  return entries.flatMap((entry, i) =>
    entry === null
      ? []
      : validate(formOf(entry) === 'block' ? LockerBlock : LockerDoor, entry, `lockers[${i}]`),
  );
}

function expand(entry: Door | Block): Omit<LockerSeed, 'id'>[] {
  if (!('boards' in entry)) return [entry];
  const perBoard = entry.sizes.length;
  return entry.boards.flatMap((board, b) =>
    [...entry.sizes].map((size, channel) => ({
      bank: entry.bank,
      board,
      channel,
      size: size as LockerSize,
      position: entry.firstPosition + b * perBoard + channel,
    })),
  );
}

/**
 * Expands doors and blocks into one door per row and finds each door wired or numbered twice, or
 * wired to a bus that does not exist (one problem per entry). A door is addressed by (board,
 * channel) whatever its bus, as the store keeps it, so board numbers must differ between buses.
 * Call after checkLockerEntries found nothing.
 */
export function expandLockers(
  entries: readonly object[],
  buses: number,
): { lockers: LockerSeed[]; problems: ConfigProblem[] } {
  const lockers: LockerSeed[] = [];
  const problems: ConfigProblem[] = [];
  const byPosition = new Map<number, number>();
  const byWiring = new Map<string, number>();
  entries.forEach((raw, i) => {
    const entry = raw as Door | Block;
    const field = `lockers[${i}]`;
    if (entry.bank >= buses) {
      problems.push({
        field: `${field}.bank`,
        reason: `no bus ${entry.bank}: buses lists ${buses} (counted from 0)`,
      });
      return;
    }
    for (const door of expand(entry)) {
      const wiring = `${door.board}:${door.channel}`;
      const samePosition = byPosition.get(door.position);
      if (samePosition !== undefined) {
        problems.push({
          field,
          reason: `position ${door.position} is already used by lockers[${samePosition}]`,
        });
        return;
      }
      const sameWiring = byWiring.get(wiring);
      if (sameWiring !== undefined) {
        problems.push({
          field,
          reason: `board ${door.board} channel ${door.channel} is already wired by lockers[${sameWiring}] (board numbers are unique across buses)`,
        });
        return;
      }
      byPosition.set(door.position, i);
      byWiring.set(wiring, i);
      lockers.push({ id: door.position, ...door });
    }
  });
  return { lockers: lockers.sort((a, b) => a.position - b.position), problems };
}
