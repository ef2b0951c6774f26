import { randomBytes } from 'node:crypto';
import { appointmentDate } from '../domain/calendar';
import {
  formatQrPayload,
  hashQrSecret,
  hashSecondFactor,
  hashTypedCode,
  newQrSecret,
  newTypedCode,
} from '../domain/credentials';
import { parseReceipt, type Receipt } from '../domain/receipt';
import type { Dossier } from '../store';
import { audit, dossierSubject, type LedgerContext, SYSTEM } from './context';
import { sealForOutbox } from './outbox-seal';

/** What the citizen takes away from a drop-off; returned once, never stored. */
export interface IssuedReceipt {
  readonly receiptNo: string; // 14 digits
  readonly receiptDisplay: string; // 061-261121-0042-7
  readonly appointmentDate: string; // YYYY-MM-DD
  /** `DL1.<receipt>.<secret>`, to print as a QR. Only its secret's hash is stored. */
  readonly qrPayload: string;
}

/** The last 4 digits of the phone, the second factor sensitive procedures ask for. */
export function phoneLastDigits(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

function receiptOf(dossier: Dossier): Receipt {
  const parsed = parseReceipt(dossier.receiptNo);
  if (!parsed.ok) throw new Error(`dossier ${dossier.id} holds a malformed receipt number`);
  return parsed.receipt;
}

// Until a result is loaded there is no typed code: a random value no code can hash to.
const noCodeYet = () => randomBytes(32).toString('hex');

function secondFactorHash(ctx: LedgerContext, dossier: Dossier, needed: boolean): string | null {
  if (!needed || !dossier.applicantPhone) return null;
  const last = phoneLastDigits(dossier.applicantPhone);
  return last ? hashSecondFactor(last, dossier.receiptNo, ctx.kioskKey) : null;
}

/** Inside the deposit's write transaction: appointment date, QR credential, receipt SMS. */
export function issueDropOffReceipt(
  ctx: LedgerContext,
  dossier: Dossier,
  doorPosition: number,
): IssuedReceipt {
  const now = ctx.clock();
  const procedure = ctx.store.procedures.get(dossier.procedureCode);
  const appointment = appointmentDate(new Date(now), procedure?.workingDays ?? 0, ctx.calendar);
  ctx.store.dossiers.update(dossier.id, { appointmentDate: appointment });
  const secret = newQrSecret();
  const qrSecretHash = hashQrSecret(secret);
  ctx.store.credentials.issue({
    dossierId: dossier.id,
    qrSecretHash,
    codeHash: noCodeYet(),
    secondFactorHash: secondFactorHash(ctx, dossier, procedure?.secondFactor ?? false),
    issuedAt: now,
  });
  ctx.store.outbox.enqueue({
    dossierId: dossier.id,
    kind: 'dropoff_receipt',
    payload: { receiptNo: dossier.receiptNo, appointmentDate: appointment, doorPosition },
    at: now,
  });
  audit(ctx, SYSTEM, 'credential.issued', dossierSubject(dossier.id), { qrSecretHash });
  const receipt = receiptOf(dossier);
  return {
    receiptNo: receipt.compact,
    receiptDisplay: receipt.display,
    appointmentDate: appointment,
    qrPayload: formatQrPayload(receipt, secret),
  };
}

/**
 * Inside the write transaction that makes a result ready: a fresh typed code (only its HMAC is
 * kept), the QR hash kept if the citizen holds one, and the pickup notice queued with the code
 * sealed under the kiosk key.
 */
export function issuePickupCode(ctx: LedgerContext, dossier: Dossier, doorPosition: number): void {
  const now = ctx.clock();
  const procedure = ctx.store.procedures.get(dossier.procedureCode);
  const existing = ctx.store.credentials.get(dossier.id);
  const code = newTypedCode();
  const codeHash = hashTypedCode(code, dossier.receiptNo, ctx.kioskKey);
  ctx.store.credentials.issue({
    dossierId: dossier.id,
    // A result registered at the counter has no QR: a random one nobody holds.
    qrSecretHash: existing?.qrSecretHash ?? hashQrSecret(newQrSecret()),
    codeHash,
    secondFactorHash:
      existing?.secondFactorHash ?? secondFactorHash(ctx, dossier, procedure?.secondFactor ?? false),
    issuedAt: now,
  });
  ctx.store.outbox.enqueue({
    dossierId: dossier.id,
    kind: 'result_ready',
    payload: {
      receiptNo: dossier.receiptNo,
      doorPosition,
      sealed: sealForOutbox(code, dossier.id, ctx.kioskKey),
    },
    at: now,
  });
  audit(ctx, SYSTEM, 'credential.code_issued', dossierSubject(dossier.id), { codeHash });
}

/**
 * A pickup that handed nothing over did not use the secret: its door never opened (refused, or
 * the command surely never left), or it closed again on the result. The secret is for taking the
 * result once. The store re-issues the same hashes, which clears used_at (there is no separate
 * "unuse").
 */
export function restoreUnusedCredential(ctx: LedgerContext, dossierId: number): void {
  const c = ctx.store.credentials.get(dossierId);
  if (!c || c.usedAt === null) return;
  ctx.store.credentials.issue({
    dossierId,
    qrSecretHash: c.qrSecretHash,
    codeHash: c.codeHash,
    secondFactorHash: c.secondFactorHash,
    issuedAt: c.issuedAt,
  });
  audit(ctx, SYSTEM, 'credential.restored', dossierSubject(dossierId), {});
}
