/**
 * Outbox message kinds and the payload each carries (ids, dates and sealed values only):
 * - dropoff_receipt  { receiptNo, appointmentDate, doorPosition }
 * - result_ready     { receiptNo, doorPosition, sealed }  sealed = the 8-digit code, see ledger/outbox-seal
 * - pickup_reminder  { receiptNo }
 * - apology          { receiptNo, appointmentDate }
 * - result_reclaimed { receiptNo }
 * result_ready and pickup_reminder may add `pickupUntil` (YYYY-MM-DD); without it the sender counts
 * the reclaim delay from the dossier's readyAt.
 */
export const OUTBOX_KINDS = {
  dropoffReceipt: 'dropoff_receipt',
  resultReady: 'result_ready',
  pickupReminder: 'pickup_reminder',
  apology: 'apology',
  resultReclaimed: 'result_reclaimed',
} as const;

export type OutboxKind = (typeof OUTBOX_KINDS)[keyof typeof OUTBOX_KINDS];
