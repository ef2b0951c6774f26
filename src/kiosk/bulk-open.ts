import type { KioskContext } from './context';
import { KioskRefusal } from './refusals';

export interface BulkOpenResult {
  readonly lockerId: number;
  readonly door: number;
  readonly ok: boolean;
  readonly error: string | null;
}

/**
 * Opening many doors at once empties the kiosk into whoever stands in front of it, so it needs a
 * technician physically there: the presence code is shown only on the kiosk screen. The doors
 * count against the kiosk's opens cap, all of them up front.
 */
export function bulkOpen(ctx: Pick<KioskContext, 'ledger' | 'store' | 'opens' | 'presence'>) {
  const { ledger, store, opens, presence } = ctx;
  return async (
    request: { presenceCode: string; reason: string; lockerIds: readonly number[] },
    technicianId: string,
  ): Promise<BulkOpenResult[]> => {
    if (!presence.check(request.presenceCode)) throw new KioskRefusal('presence_code_wrong');
    const ids = [...new Set(request.lockerIds)];
    for (const id of ids) if (!store.lockers.get(id)) throw new KioskRefusal('not_found', { lockerId: id });
    opens.take(ids.length);
    const results: BulkOpenResult[] = [];
    // One after the other: the boards fire one solenoid at a time anyway.
    for (const id of ids) {
      try {
        const r = await ledger.technician.openDoor(id, request.reason, technicianId);
        results.push({ lockerId: id, door: r.doorPosition, ok: r.ok, error: r.ok ? null : r.error });
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'internal';
        results.push({ lockerId: id, door: store.lockers.get(id)?.position ?? 0, ok: false, error: code });
      }
    }
    return results;
  };
}
