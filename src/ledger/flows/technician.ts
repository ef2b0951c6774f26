import { settleTargets } from '../../domain/settle';
import type { DossierState } from '../../store';
import { applyEvent, getDossier } from '../apply-event';
import { type ActorRef, audit, dossierSubject, type LedgerContext, lockerSubject } from '../context';
import type { DoorEngine } from '../door-engine';
import { recordDoorIntent } from '../door-intent';
import type { DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';
import { issueDropOffReceipt, issuePickupCode } from '../issue-credentials';
import { allInState, type WorkItem, workItem } from './work-item';

export interface InspectionItem extends WorkItem {
  readonly inspectedFrom: DossierState | null;
  /** What the technician may record for it. */
  readonly settleTo: readonly DossierState[];
}

export interface TechnicianFlow {
  listNeedsInspection(): InspectionItem[];
  /** Records what the technician found in the door; the domain decides what is allowed. */
  settle(dossierId: number, found: DossierState, technicianId: string): DossierState;
  /**
   * Opens a door under audit, with a reason. A live dossier in it needs inspection afterwards:
   * the ledger cannot know what the technician did inside.
   */
  openDoor(lockerId: number, reason: string, technicianId: string): Promise<DoorOpenResult>;
  setInService(lockerId: number, inService: boolean, reason: string | null, technicianId: string): void;
  /** A staff member releases a dossier locked after too many wrong codes. False if it was not locked. */
  releaseLock(dossierId: number, staffId: string): boolean;
  /** While on, no drop-off or pickup starts. */
  setMaintenance(on: boolean, technicianId: string): void;
}

const tech = (id: string): ActorRef => ({ role: 'technician', id });

export function technicianFlow(ctx: LedgerContext, engine: DoorEngine): TechnicianFlow {
  return {
    listNeedsInspection: () =>
      allInState(ctx, 'needs_inspection').map((d) => ({
        ...workItem(ctx, d),
        inspectedFrom: d.inspectedFrom,
        settleTo: settleTargets(d.inspectedFrom),
      })),
    settle(dossierId, found, technicianId) {
      return ctx.store.write(() => {
        const dossier = getDossier(ctx, dossierId);
        const applied = applyEvent(ctx, dossier, { type: 'settle', found }, tech(technicianId));
        const position =
          dossier.lockerId === null ? 0 : (ctx.store.lockers.get(dossier.lockerId)?.position ?? 0);
        // Lost track before the close was recorded: what that close would have issued, issue now.
        if (found === 'ready' && dossier.inspectedFrom === 'loading')
          issuePickupCode(ctx, applied.dossier, position);
        if (found === 'deposited' && dossier.inspectedFrom === 'reserved') {
          // The citizen left without a receipt: the number and date go out by SMS; the QR is never shown.
          issueDropOffReceipt(ctx, applied.dossier, position);
        }
        if (found === 'missing') {
          ctx.store.incidents.open({
            kind: 'dossier_missing',
            lockerId: dossier.lockerId,
            openedAt: ctx.clock(),
          });
        }
        return applied.to;
      });
    },
    async openDoor(lockerId, reason, technicianId) {
      const why = reason.trim();
      if (why.length === 0 || why.length > 200)
        throw new LedgerError('bad_input', 'a reason of 1-200 characters is required');
      const actor = tech(technicianId);
      const operationId = ctx.store.write(() => {
        const live = ctx.store.dossiers.liveOnLocker(lockerId) ?? null;
        return recordDoorIntent(ctx, {
          lockerId,
          dossier: live,
          purpose: 'tech_open',
          actor,
          event: live && live.state !== 'needs_inspection' ? { type: 'lost_track' } : null,
          reason: why,
        });
      });
      return engine.execute(operationId);
    },
    setInService(lockerId, inService, reason, technicianId) {
      ctx.store.write(() => {
        if (!ctx.store.lockers.setInService(lockerId, inService, reason)) {
          throw new LedgerError('not_found', 'no such locker', { lockerId });
        }
        audit(
          ctx,
          tech(technicianId),
          inService ? 'locker.in_service' : 'locker.out_of_service',
          lockerSubject(lockerId),
          {
            ...(reason ? { reason } : {}),
          },
        );
      });
    },
    releaseLock(dossierId, staffId) {
      return ctx.store.write(() => {
        const released = ctx.store.attempts.releaseDossier(dossierId, `staff:${staffId}`, ctx.clock());
        if (released)
          audit(ctx, { role: 'staff', id: staffId }, 'dossier.lock_released', dossierSubject(dossierId), {});
        return released;
      });
    },
    setMaintenance(on, technicianId) {
      ctx.store.write(() => {
        ctx.store.settings.setMaintenanceMode(on, ctx.clock());
        audit(ctx, tech(technicianId), on ? 'kiosk.maintenance_on' : 'kiosk.maintenance_off', null, {});
      });
    },
  };
}
