import type { DoorOpenResult } from '../ledger';
import { HttpRefusal } from './errors';

/** A door that opened, or the refusal the person at the kiosk must read. */
export function openedOrRefuse(result: DoorOpenResult): Extract<DoorOpenResult, { ok: true }> {
  if (result.ok) return result;
  throw new HttpRefusal(result.error, {
    operationId: result.operationId,
    lockerId: result.lockerId,
    outcome: result.outcome,
  });
}

export function doorOpened(result: Extract<DoorOpenResult, { ok: true }>) {
  return { operationId: result.operationId, dossierId: result.dossierId, door: result.doorPosition };
}
