import type { Database, Statement } from 'better-sqlite3';
import { canonicalJson, type JsonValue } from './canonical-json';
import { assertNoPersonalKeys } from './personal-keys';
import type { OutboxState } from './states';

/**
 * Notifications written in the same transaction as the change that causes them, sent later. The
 * payload names the dossier and what happened, never a phone number or a secret: the sender looks
 * the contact up at send time (and finds nothing once the dossier is purged).
 */
export type OutboxMessage = {
  readonly id: number;
  readonly dossierId: number | null;
  readonly kind: string;
  readonly payload: { readonly [key: string]: JsonValue };
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly sentAt: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
};

export type NewOutboxMessage = {
  readonly dossierId: number | null;
  readonly kind: string;
  readonly payload: { readonly [key: string]: JsonValue };
  readonly at: number;
};

export type OutboxRepo = {
  /** Throws StoreError SECRET_IN_PAYLOAD if the payload carries a personal or secret key. */
  enqueue(message: NewOutboxMessage): number;
  due(now: number, limit: number): OutboxMessage[];
  get(id: number): OutboxMessage | undefined;
  markSent(id: number, at: number): boolean;
  /** Counts the attempt and schedules the next one. */
  markRetry(id: number, nextAttemptAt: number, error: string): boolean;
  /** Counts the attempt and gives up. */
  markFailed(id: number, error: string): boolean;
};

type Raw = Omit<OutboxMessage, 'payload'> & { payload: string };
const COLUMNS =
  'id, dossier_id AS dossierId, kind, payload, state, attempts, next_attempt_at AS nextAttemptAt, ' +
  'sent_at AS sentAt, last_error AS lastError, created_at AS createdAt';
const toMessage = (r: Raw): OutboxMessage => ({
  ...r,
  payload: JSON.parse(r.payload) as OutboxMessage['payload'],
});

export function createOutboxRepo(db: Database): OutboxRepo {
  const insert = db.prepare(`
    INSERT INTO notification_outbox (dossier_id, kind, payload, state, next_attempt_at, created_at)
    VALUES (?, ?, ?, 'pending', ?, ?)`);
  const due: Statement<[number, number], Raw> = db.prepare(`
    SELECT ${COLUMNS} FROM notification_outbox
    WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`);
  const get: Statement<[number], Raw> = db.prepare(`SELECT ${COLUMNS} FROM notification_outbox WHERE id = ?`);
  const sent = db.prepare(`
    UPDATE notification_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1
    WHERE id = ? AND state = 'pending'`);
  const retry = db.prepare(`
    UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
    WHERE id = ? AND state = 'pending'`);
  const failed = db.prepare(`
    UPDATE notification_outbox SET state = 'failed', attempts = attempts + 1, last_error = ?
    WHERE id = ? AND state = 'pending'`);
  return {
    enqueue(m) {
      assertNoPersonalKeys(m.payload, 'notification payload');
      return Number(insert.run(m.dossierId, m.kind, canonicalJson(m.payload), m.at, m.at).lastInsertRowid);
    },
    due: (now, limit) => due.all(now, limit).map(toMessage),
    get: (id) => {
      const r = get.get(id);
      return r ? toMessage(r) : undefined;
    },
    markSent: (id, at) => sent.run(at, id).changes === 1,
    markRetry: (id, nextAt, error) => retry.run(nextAt, error, id).changes === 1,
    markFailed: (id, error) => failed.run(error, id).changes === 1,
  };
}
