import { getDossier } from '../apply-event';
import type { LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import { type DoorIntent, recordDoorIntent } from '../door-intent';
import type { DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';

/**
 * Opens the door a dossier already sits in (staff collecting it, or reclaiming a result): the
 * intent and the dossier's open_for_* step in one write transaction, refused when the dossier has
 * no door (a rejection, as every open refuses), then the engine carries it out.
 */
export async function openDossierDoor(
  ctx: LedgerContext,
  engine: DoorEngine,
  dossierId: number,
  intent: Pick<DoorIntent, 'purpose' | 'actor' | 'event'>,
): Promise<DoorOpenResult> {
  const operationId = ctx.store.write(() => {
    const dossier = getDossier(ctx, dossierId);
    if (dossier.lockerId === null) throw new LedgerError('not_allowed', 'dossier has no door');
    return recordDoorIntent(ctx, { ...intent, lockerId: dossier.lockerId, dossier });
  });
  return await engine.execute(operationId);
}
