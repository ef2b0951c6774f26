import {
  normaliseTypedCode,
  verifyQrSecret,
  verifySecondFactor,
  verifyTypedCode,
} from '../../domain/credentials';
import { DomainError, type DomainErrorCode } from '../../domain/errors';
import { attemptSecret, type CredentialPath, checkAttempt, rebaseClock } from '../../domain/lockout';
import { parseQrPayload } from '../../domain/qr-payload';
import { parseReceipt, type Receipt } from '../../domain/receipt';
import { errorForPickup, errorForQr, errorForReceipt } from '../../domain/refusals';
import { audit, CITIZEN, dossierSubject, type LedgerContext } from '../context';
import type { DoorEngine } from '../door-engine';
import { recordDoorIntent } from '../door-intent';
import type { DoorOpenResult } from '../door-results';
import { LedgerError } from '../errors';
import { readCounters, saveCounters } from './attempt-counters';

/** What the citizen presents: the receipt's QR, or its number and the typed code. */
export type PickupCredentials =
  | { readonly qr: string; readonly secondFactor?: string }
  | { readonly receiptNo: string; readonly code: string; readonly secondFactor?: string };

export interface PickupFlow {
  /**
   * Checks the credential (throttled per credential path by counters kept in the store, see
   * src/ledger/README.md), then opens the result's door once. Refusals throw DomainError; nothing
   * about the dossier, not even that it exists, is revealed before the secret is proven. Then awaitClose(operationId): empty -> picked up.
   */
  start(credentials: PickupCredentials): Promise<DoorOpenResult>;
  /** Satisfaction 1-5, once, after a completed pickup. */
  rate(dossierId: number, rating: number): void;
}

type Checked = { operationId: number } | { refusal: DomainErrorCode };

/** A well-formed SHA-256 digest that no secret hashes to in practice. */
const NO_DIGEST = '0'.repeat(64);

function parse(credentials: PickupCredentials): { receipt: Receipt; via: 'qr' | 'typed'; secret: string } {
  if ('qr' in credentials) {
    const qr = parseQrPayload(credentials.qr);
    if (!qr.ok) throw new DomainError(errorForQr(qr.code));
    return { receipt: qr.receipt, via: 'qr', secret: qr.secret };
  }
  const receipt = parseReceipt(credentials.receiptNo);
  if (!receipt.ok) throw new DomainError(errorForReceipt(receipt.code));
  return { receipt: receipt.receipt, via: 'typed', secret: credentials.code };
}

export function pickupFlow(ctx: LedgerContext, engine: DoorEngine): PickupFlow {
  function check(credentials: PickupCredentials): Checked {
    const { receipt, via, secret } = parse(credentials);
    const { store } = ctx;
    if (store.settings.maintenanceMode()) return { refusal: 'kiosk_maintenance' };
    const now = ctx.clock();
    const dossier = store.dossiers.getByReceiptNo(receipt.compact) ?? null;
    const credential = dossier ? store.credentials.get(dossier.id) : undefined;
    const needsSecond =
      (credential?.secondFactorHash ?? null) !== null &&
      (store.procedures.get(dossier?.procedureCode ?? '')?.secondFactor ?? false);
    const path: CredentialPath = via === 'typed' ? 'typed' : needsSecond ? 'qr_second_factor' : 'qr';
    const counters = rebaseClock(readCounters(ctx, dossier?.id ?? null), new Date(now));
    // An unknown receipt, or one without a credential yet, is hashed against a digest nothing
    // matches: the same work and the same answer as a wrong code on a real one (no oracle).
    const primaryOk = () => {
      if (via === 'qr') return verifyQrSecret(secret, credential?.qrSecretHash ?? NO_DIGEST);
      const code = normaliseTypedCode(secret);
      return (
        code !== null &&
        verifyTypedCode(code, receipt.compact, ctx.kioskKey, credential?.codeHash ?? NO_DIGEST)
      );
    };
    const given = credentials.secondFactor?.replace(/\D/g, '') ?? '';
    // The kiosk-wide typed pause is checked before anything about the receipt is used.
    const gate = checkAttempt(counters, new Date(now), ctx.lockoutPolicy, path);
    if (!gate.allowed) {
      saveCounters(ctx, dossier?.id ?? null, counters, null);
      audit(ctx, CITIZEN, 'pickup.throttled', dossier ? dossierSubject(dossier.id) : null, {
        via,
        refusal: gate.code,
      });
      return { refusal: gate.code };
    }
    // Asking for the second factor reveals something of the procedure: only once the secret is proven.
    if (needsSecond && given === '' && primaryOk()) return { refusal: 'second_factor_required' };
    const result = attemptSecret(
      counters,
      new Date(now),
      ctx.lockoutPolicy,
      () => {
        if (!primaryOk()) return false;
        return (
          !needsSecond ||
          verifySecondFactor(given, receipt.compact, ctx.kioskKey, credential!.secondFactorHash!)
        );
      },
      path,
    );
    saveCounters(ctx, dossier?.id ?? null, result.counters, result.ok ? null : now);
    audit(ctx, CITIZEN, 'pickup.attempt', dossier ? dossierSubject(dossier.id) : null, {
      via,
      ok: result.ok,
      ...(result.ok ? {} : { refusal: result.code }),
    });
    if (!result.ok) return { refusal: result.code };
    if (!credential) return { refusal: 'wrong_code' }; // unreachable: nothing matches NO_DIGEST
    // The secret is proven: from here the refusals may speak of the dossier.
    const d = dossier!;
    const notReady = errorForPickup(d.state);
    if (notReady) return { refusal: notReady };
    // A secret opens a door once.
    if (credential!.usedAt !== null) return { refusal: 'action_not_allowed' };
    if (d.lockerId === null) return { refusal: 'under_inspection' };
    let operationId: number;
    try {
      operationId = recordDoorIntent(ctx, {
        lockerId: d.lockerId,
        dossier: d,
        purpose: 'pickup',
        actor: CITIZEN,
        event: { type: 'open_for_pickup' },
      });
    } catch (error) {
      // Refused before anything was written (door busy or out of service): the secret stays unused.
      if (error instanceof LedgerError) return { refusal: 'door_refused' };
      throw error;
    }
    store.credentials.markUsed(d.id, now);
    return { operationId };
  }

  return {
    async start(credentials) {
      // The refusal is returned from the transaction (not thrown) so the counters commit.
      const checked = ctx.store.write(() => check(credentials));
      if ('refusal' in checked) throw new DomainError(checked.refusal);
      return engine.execute(checked.operationId);
    },
    rate(dossierId, rating) {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        throw new LedgerError('bad_input', 'rating must be 1-5');
      }
      ctx.store.write(() => {
        const d = ctx.store.dossiers.get(dossierId);
        if (d?.state !== 'picked_up' || d.rating !== null) {
          throw new LedgerError('not_allowed', 'only a completed pickup can be rated, once', { dossierId });
        }
        ctx.store.dossiers.update(dossierId, { rating }, 'picked_up');
        audit(ctx, CITIZEN, 'dossier.rated', dossierSubject(dossierId), { rating });
      });
    },
  };
}
