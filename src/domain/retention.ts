/**
 * How long things are kept, in days: a ready result waits this long before staff may take it back
 * to the counter (the notice to the citizen names the last day), and a closed dossier's contact
 * data is purged this long after it closed.
 */
export interface RetentionPolicy {
  readonly reclaimAfterDays: number;
  readonly retentionDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { reclaimAfterDays: 14, retentionDays: 365 };
