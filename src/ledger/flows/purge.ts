import type { PurgeResult } from '../../store';
import type { LedgerContext } from '../context';

export interface PurgeFlow {
  /**
   * Erases the contact data of dossiers closed longer than the retention period; with
   * `maxBatches`, at most that many transactions, and `more` says whether rows remain.
   */
  run(options?: { maxBatches?: number }): PurgeResult;
}

export function purgeFlow(ctx: LedgerContext): PurgeFlow {
  return {
    run: (options = {}) =>
      ctx.store.purgePersonalData({
        now: ctx.clock(),
        retentionDays: ctx.retentionDays,
        actor: 'system',
        ...options,
      }),
  };
}
