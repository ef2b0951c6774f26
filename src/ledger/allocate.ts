import { allocateDoor, type DoorSize, type DoorStatus } from '../domain/allocation';
import { DomainError } from '../domain/errors';
import { errorForNoDoor } from '../domain/refusals';
import type { Locker } from '../store';
import type { LedgerContext } from './context';

/**
 * The smallest free door that fits, from what the ledger knows (live dossiers, unsettled
 * operations) and what the boards last read (open, item present). Runs inside the write
 * transaction that records the door's intent, so two requests cannot get the same door.
 */
export function allocate(ctx: LedgerContext, size: DoorSize): Locker {
  const doors: DoorStatus[] = ctx.store.lockers.listWithOccupancy().map((l) => {
    const reading = ctx.doors.cached(l.id);
    return {
      doorId: String(l.id),
      size: l.size,
      position: l.position,
      inService: l.inService,
      assigned: l.assigned,
      unsettledOperation: l.unsettledOperation,
      itemPresent: reading?.present ?? null,
      // A door the boards never reported is not known to be closed.
      open: reading ? reading.open : true,
    };
  });
  const chosen = allocateDoor(doors, size);
  if (!chosen.door) throw new DomainError(errorForNoDoor(chosen.reason), { reason: chosen.reason });
  return ctx.store.lockers.get(Number(chosen.door.doorId))!;
}
