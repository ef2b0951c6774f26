import { localDate } from '../domain/local-time';
import { unsealFromOutbox } from '../ledger';
import type { JsonValue, OutboxMessage, Store } from '../store';
import type { SmsNotice } from './sms-text';

/**
 * Turns an outbox row into a notice and a phone number, at send time: the contact is looked up
 * now (a purged dossier has none) and the pickup code is unsealed in memory only.
 */
export type Preparation =
  | { readonly outcome: 'send'; readonly to: string; readonly notice: SmsNotice }
  /** Nothing to send, and nothing wrong: no contact, or the news is out of date. */
  | { readonly outcome: 'skip'; readonly reason: string }
  /** The row cannot be sent as it is: a fault for staff to see. */
  | { readonly outcome: 'broken'; readonly reason: string };

export interface PrepareContext {
  readonly store: Store;
  readonly kioskKey: Buffer;
  readonly kioskName: string;
  readonly reclaimAfterDays: number;
}

const DAY_MS = 86_400_000;

class BadPayload extends Error {}

type Payload = OutboxMessage['payload'];

function text(payload: Payload, key: string): string {
  const v: JsonValue | undefined = payload[key];
  if (typeof v !== 'string') throw new BadPayload(key);
  return v;
}

function integer(payload: Payload, key: string): number {
  const v: JsonValue | undefined = payload[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new BadPayload(key);
  return v;
}

function pickupUntil(payload: Payload, readyAt: number, days: number): string {
  const given = payload.pickupUntil;
  return typeof given === 'string' ? given : localDate(new Date(readyAt + days * DAY_MS));
}

export function prepare(message: OutboxMessage, ctx: PrepareContext): Preparation {
  const dossier = message.dossierId === null ? undefined : ctx.store.dossiers.get(message.dossierId);
  if (!dossier?.applicantPhone) return { outcome: 'skip', reason: 'no_contact' };
  const to = dossier.applicantPhone;
  const p = message.payload;
  try {
    switch (message.kind) {
      case 'dropoff_receipt':
        return {
          outcome: 'send',
          to,
          notice: {
            kind: 'dropoff_receipt',
            receiptNo: text(p, 'receiptNo'),
            appointmentDate: text(p, 'appointmentDate'),
            doorPosition: integer(p, 'doorPosition'),
          },
        };
      case 'result_ready': {
        if (dossier.state !== 'ready') return { outcome: 'skip', reason: `obsolete_${dossier.state}` };
        // A newer code replaced this one (the result was loaded again): its own notice follows.
        const credential = ctx.store.credentials.get(dossier.id);
        if (credential && credential.issuedAt > message.createdAt)
          return { outcome: 'skip', reason: 'superseded' };
        let code: string;
        try {
          code = unsealFromOutbox(text(p, 'sealed'), dossier.id, ctx.kioskKey);
        } catch (error) {
          if (error instanceof BadPayload) throw error;
          return { outcome: 'broken', reason: 'unseal_failed' };
        }
        return {
          outcome: 'send',
          to,
          notice: {
            kind: 'result_ready',
            receiptNo: text(p, 'receiptNo'),
            code,
            kioskName: ctx.kioskName,
            pickupUntil: pickupUntil(p, dossier.readyAt ?? message.createdAt, ctx.reclaimAfterDays),
          },
        };
      }
      case 'pickup_reminder':
        if (dossier.state !== 'ready') return { outcome: 'skip', reason: `obsolete_${dossier.state}` };
        return {
          outcome: 'send',
          to,
          notice: {
            kind: 'pickup_reminder',
            receiptNo: text(p, 'receiptNo'),
            kioskName: ctx.kioskName,
            pickupUntil: pickupUntil(p, dossier.readyAt ?? message.createdAt, ctx.reclaimAfterDays),
          },
        };
      case 'apology':
        return {
          outcome: 'send',
          to,
          notice: {
            kind: 'apology',
            receiptNo: text(p, 'receiptNo'),
            appointmentDate: text(p, 'appointmentDate'),
          },
        };
      case 'result_reclaimed':
        return { outcome: 'send', to, notice: { kind: 'result_reclaimed', receiptNo: text(p, 'receiptNo') } };
      default:
        return { outcome: 'broken', reason: 'unknown_kind' };
    }
  } catch (error) {
    if (error instanceof BadPayload) return { outcome: 'broken', reason: `bad_payload_${error.message}` };
    throw error;
  }
}
