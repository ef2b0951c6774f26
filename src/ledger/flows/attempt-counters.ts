import type { AttemptCounters } from '../../domain/lockout';
import type { LedgerContext } from '../context';

/** The lockout counters of a dossier (if any) and of this kiosk, as the domain reads them. */
export function readCounters(ctx: LedgerContext, dossierId: number | null): AttemptCounters {
  const kiosk = ctx.store.attempts.forKiosk(ctx.kioskCode);
  const row = dossierId === null ? null : ctx.store.attempts.forDossier(dossierId);
  return {
    dossier: row && {
      consecutiveFailures: row.consecutiveFailures,
      lockedAt: row.lockedAt === null ? null : new Date(row.lockedAt),
    },
    kiosk: {
      lastFailureAt: kiosk.lastFailureAt === null ? null : new Date(kiosk.lastFailureAt),
      failures: kiosk.failures,
    },
  };
}

/** Saves what the domain computed, in the same transaction as the check. */
export function saveCounters(
  ctx: LedgerContext,
  dossierId: number | null,
  counters: AttemptCounters,
  failedAt: number | null,
): void {
  ctx.store.attempts.saveKiosk(
    ctx.kioskCode,
    counters.kiosk.lastFailureAt?.getTime() ?? null,
    counters.kiosk.failures,
  );
  if (dossierId !== null && counters.dossier) {
    ctx.store.attempts.saveDossier(
      dossierId,
      {
        consecutiveFailures: counters.dossier.consecutiveFailures,
        lockedAt: counters.dossier.lockedAt?.getTime() ?? null,
      },
      failedAt,
    );
  }
}
