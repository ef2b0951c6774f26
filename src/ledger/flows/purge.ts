import type { PurgeResult } from '../../store';
import type { LedgerContext } from '../context';

export interface PurgeFlow {
  /** Erases the contact data of dossiers closed longer than the retention period. */
  run(): PurgeResult;
}

export function purgeFlow(ctx: LedgerContext): PurgeFlow {
  return {
    run: () =>
      ctx.store.purgePersonalData({ now: ctx.clock(), retentionDays: ctx.retentionDays, actor: 'system' }),
  };
}
