import { DOSSIER_STATES, type DossierState } from '../domain/states';
import type { KioskContext } from './context';
import { type OpenedDoor, openedDoor } from './door-reply';
import { KioskRefusal } from './refusals';

export type TechnicianDesk = ReturnType<typeof technicianDesk>;

/** The technician's tools: maintenance, doors under audit, service state, inspection, backup. */
export function technicianDesk(
  ctx: Pick<KioskContext, 'ledger' | 'store' | 'linksHealth' | 'opens' | 'hub' | 'backupNow' | 'clock'>,
) {
  const { ledger, store, linksHealth, opens, hub } = ctx;

  function readingOf(bank: number, board: number, channel: number) {
    const health = linksHealth().find((b) => b.bank === bank);
    return health?.boards.find((b) => b.board === board)?.doors[channel] ?? null;
  }

  const knownLocker = (lockerId: number) => {
    if (!store.lockers.get(lockerId)) throw new KioskRefusal('not_found');
  };

  return {
    /** No drop-off or pickup starts while on; the kiosk screen hears it at once. */
    setMaintenance(on: boolean, technicianId: string): boolean {
      ledger.technician.setMaintenance(on, technicianId);
      hub.publish({ type: 'maintenance', on });
      return store.settings.maintenanceMode();
    },

    /** Every door with its wiring, occupancy and live reading. */
    lockers() {
      return store.lockers.listWithOccupancy().map((l) => {
        const r = readingOf(l.bank, l.board, l.channel);
        return {
          lockerId: l.id,
          door: l.position,
          bank: l.bank,
          board: l.board,
          channel: l.channel,
          size: l.size,
          inService: l.inService,
          outOfServiceReason: l.outOfServiceReason,
          assigned: l.assigned,
          unsettledOperation: l.unsettledOperation,
          reading: r && { open: r.open, locked: r.locked, present: r.present },
        };
      });
    },

    /** The door operations of one door, newest first (the last hundred). */
    history(lockerId: number) {
      knownLocker(lockerId);
      return {
        lockerId,
        operations: store.doorOperations.listForLocker(lockerId, 100).map((o) => ({
          operationId: o.id,
          dossierId: o.dossierId,
          purpose: o.purpose,
          state: o.state,
          outcome: o.outcome,
          reason: o.reason,
          actor: o.actor,
          createdAt: o.createdAt,
          settledAt: o.settledAt,
        })),
      };
    },

    /** Opens one door with a reason (audited by the ledger), under the opens cap. */
    async openDoor(lockerId: number, reason: string, technicianId: string): Promise<OpenedDoor> {
      knownLocker(lockerId);
      return openedDoor(
        await opens.through(() => ledger.technician.openDoor(lockerId, reason, technicianId)),
      );
    },

    /** Takes a door out of service (a reason is needed), or back in. */
    setInService(lockerId: number, inService: boolean, reason: string | null, technicianId: string): void {
      if (!inService && !reason) throw new KioskRefusal('bad_request');
      ledger.technician.setInService(lockerId, inService, reason, technicianId);
    },

    inspections() {
      return ledger.technician.listNeedsInspection().map((i) => ({ ...i, settleTo: [...i.settleTo] }));
    },

    /** Records what was found in the door of a dossier that needs inspection. */
    settle(dossierId: number, found: string, technicianId: string): void {
      if (!(DOSSIER_STATES as readonly string[]).includes(found)) throw new KioskRefusal('bad_request');
      ledger.technician.settle(dossierId, found as DossierState, technicianId);
    },

    releaseLock: (dossierId: number, technicianId: string) =>
      ledger.technician.releaseLock(dossierId, technicianId),

    incidents() {
      return store.incidents.listOpen().map((i) => ({
        id: i.id,
        lockerId: i.lockerId,
        kind: i.kind,
        openedAt: i.openedAt,
      }));
    },

    /** A database backup now, audited. */
    async backup(technicianId: string) {
      if (!ctx.backupNow) throw new KioskRefusal('backup_unavailable');
      const taken = await ctx.backupNow();
      store.write(() =>
        store.audit.append({
          actor: `technician:${technicianId}`,
          action: 'store.backup',
          subject: null,
          detail: { bytes: taken.bytes },
          at: ctx.clock(),
        }),
      );
      return taken;
    },
  };
}
