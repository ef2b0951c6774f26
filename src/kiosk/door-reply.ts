import type { DoorOpenResult } from '../ledger';
import { KioskRefusal } from './refusals';

export type DoorOpened = Extract<DoorOpenResult, { ok: true }>;

/** A door that opened, or the refusal the person at the kiosk must read. */
export function openedOrRefuse(result: DoorOpenResult): DoorOpened {
  if (result.ok) return result;
  throw new KioskRefusal(result.error, {
    operationId: result.operationId,
    lockerId: result.lockerId,
    outcome: result.outcome,
  });
}

/** What staff and technicians are told of a door they opened. */
export interface OpenedDoor {
  readonly operationId: number;
  readonly dossierId: number | null;
  readonly door: number;
}

export function openedDoor(result: DoorOpenResult): OpenedDoor {
  const r = openedOrRefuse(result);
  return { operationId: r.operationId, dossierId: r.dossierId, door: r.doorPosition };
}
