import type { Database, Statement } from 'better-sqlite3';
import type { AuditLog } from './audit';

export type PurgeOptions = {
  readonly now: number;
  /** Contact data of dossiers closed more than this many days ago is erased. */
  readonly retentionDays: number;
  readonly actor: string;
  readonly batchSize?: number;
  /**
   * At most this many batches (transactions) in this call, then `more` says whether rows remain:
   * a catch-up over tens of thousands of dossiers goes in slices with the event loop free
   * between them (a first start's 89,000 held start-up 1.7 s in one go, issue 15).
   */
  readonly maxBatches?: number;
};
export type PurgeResult = { readonly purged: number; readonly cutoff: number; readonly more?: true };

const DAY_MS = 86_400_000;

/**
 * Data minimisation (Law 91/2025/QH15): once a dossier has been closed longer than the retention
 * period, its applicant name and phone (and the hash of a second factor derived from them) are
 * erased and purged_at is set. Each batch is one transaction with its own audit row listing the
 * dossier ids (never the erased values).
 */
export function purgePersonalData(db: Database, audit: AuditLog, options: PurgeOptions): PurgeResult {
  const cutoff = options.now - options.retentionDays * DAY_MS;
  const batchSize = options.batchSize ?? 1000;
  const select: Statement<[number, number], { id: number }> = db.prepare(`
    SELECT id FROM dossiers
    WHERE purged_at IS NULL AND closed_at IS NOT NULL AND (applicant_name IS NOT NULL OR applicant_phone IS NOT NULL)
      AND closed_at < ?
    ORDER BY closed_at LIMIT ?`);
  const erase = db.prepare(
    'UPDATE dossiers SET applicant_name = NULL, applicant_phone = NULL, purged_at = ? WHERE id = ?',
  );
  // The second factor is derived from the phone or ID number: it goes with them.
  const eraseSecondFactor = db.prepare(
    'UPDATE pickup_credentials SET second_factor_hash = NULL WHERE dossier_id = ?',
  );
  const batch = db.transaction((): number => {
    const ids = select.all(cutoff, batchSize).map((r) => r.id);
    for (const id of ids) {
      erase.run(options.now, id);
      eraseSecondFactor.run(id);
    }
    if (ids.length > 0) {
      audit.append({
        actor: options.actor,
        action: 'dossier.personal_data_purged',
        at: options.now,
        detail: { cutoff, count: ids.length, dossierIds: ids },
      });
    }
    return ids.length;
  });
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let purged = 0;
  for (let batches = 1; ; batches++) {
    const n = batch.immediate();
    purged += n;
    if (n < batchSize) break;
    if (batches >= maxBatches) return { purged, cutoff, more: true };
  }
  return { purged, cutoff };
}
