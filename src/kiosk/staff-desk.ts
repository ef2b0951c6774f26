import { parseQrPayload } from '../domain/qr-payload';
import type { RegisterResultRequest } from '../ledger';
import type { KioskContext } from './context';
import { type OpenedDoor, openedDoor } from './door-reply';
import { KioskRefusal } from './refusals';

export type StaffDesk = ReturnType<typeof staffDesk>;

/**
 * The one-stop counter's work on the doors: collect deposited dossiers, register and load
 * results, take uncollected ones back, release a locked dossier. Every door counts against the
 * kiosk's opens cap.
 */
export function staffDesk(ctx: Pick<KioskContext, 'ledger' | 'opens'>) {
  const { ledger, opens } = ctx;
  const open = async (run: () => ReturnType<typeof ledger.collection.open>): Promise<OpenedDoor> =>
    openedDoor(await opens.through(run));
  return {
    listDeposited: () => ledger.collection.listDeposited(),
    collect: (dossierId: number, staffId: string) => open(() => ledger.collection.open(dossierId, staffId)),
    confirmCollected(dossierId: number, externalCode: string, staffId: string): void {
      ledger.collection.confirm(dossierId, externalCode, staffId);
    },
    /** A dossier held by staff, by receipt number, scanned receipt or one-stop code. */
    find(query: string) {
      const text = query.trim();
      const scanned = parseQrPayload(text);
      const found = ledger.loading.find(scanned.ok ? scanned.receipt.compact : text);
      if (!found) throw new KioskRefusal('not_found');
      return found;
    },
    registerResult: (request: RegisterResultRequest, staffId: string) =>
      ledger.loading.registerResult(request, staffId),
    load: (dossierId: number, staffId: string) => open(() => ledger.loading.open(dossierId, staffId)),
    listUncollected: () => ledger.reclaim.listDue(),
    reclaim: (dossierId: number, staffId: string) => open(() => ledger.reclaim.open(dossierId, staffId)),
    /** Releases a dossier locked after too many wrong codes; false when it was not locked. */
    releaseLock: (dossierId: number, actorId: string) => ledger.technician.releaseLock(dossierId, actorId),
  };
}
