import type { Database, Statement } from 'better-sqlite3';

/** The per-kiosk, per-day receipt counter. Formatting the receipt number is a domain rule. */
export type ReceiptSequenceRepo = {
  /** Takes the next number for (kiosk, day 'YYYY-MM-DD'), starting at 1. Call inside store.write(). */
  next(kioskCode: string, day: string): number;
  last(kioskCode: string, day: string): number;
};

export function createReceiptSequenceRepo(db: Database): ReceiptSequenceRepo {
  const next: Statement<[string, string], { n: number }> = db.prepare(`
    INSERT INTO receipt_sequences (kiosk_code, day, last_no) VALUES (?, ?, 1)
    ON CONFLICT (kiosk_code, day) DO UPDATE SET last_no = last_no + 1
    RETURNING last_no AS n`);
  const last: Statement<[string, string], { n: number }> = db.prepare(
    'SELECT last_no AS n FROM receipt_sequences WHERE kiosk_code = ? AND day = ?',
  );
  return {
    next: (kioskCode, day) => next.get(kioskCode, day)!.n,
    last: (kioskCode, day) => last.get(kioskCode, day)?.n ?? 0,
  };
}
