import type { Simulator } from '../../../hardware-sim/simulator';
import { holdsCitizenProperty, LIVE_STATES } from '../../../src/domain/states';
import type { Store } from '../../../src/store/database';
import type { Dossier } from '../../../src/store/dossiers';

/** A deposit the ledger acknowledged to a citizen, as the worker reported it. */
export type AcknowledgedDeposit = { readonly dossierId: number; readonly receiptNo: string };

/**
 * States a dossier can never be in once its deposit was acknowledged: the door closed on it, so
 * it can neither be waiting for that door again nor have been cancelled as empty.
 */
const NOT_AFTER_DEPOSIT = new Set(['reserved', 'cancelled']);
/** A door stands open for somebody in these states; once every operation settled, none may remain. */
const DOOR_OPEN_STATES = new Set(['reserved', 'collecting', 'loading', 'pickup_open', 'reclaiming']);

export function liveDossiers(store: Store): Dossier[] {
  const out: Dossier[] = [];
  for (const state of LIVE_STATES) {
    let after = 0;
    for (;;) {
      const page = store.dossiers.listByState(state, 500, after);
      out.push(...page);
      if (page.length < 500) break;
      after = page[page.length - 1]!.id;
    }
  }
  return out;
}

/**
 * Everything that must hold after start-up reconciliation, read from the ledger file and the
 * physical bank (the hands are held still meanwhile). Returns one line per violation.
 */
export function checkInvariants(
  store: Store,
  sim: Simulator,
  acknowledged: Iterable<AcknowledgedDeposit>,
): string[] {
  const violations: string[] = [];
  store.read(() => {
    for (const ack of acknowledged) {
      const dossier = store.dossiers.get(ack.dossierId);
      if (!dossier) {
        violations.push(`acknowledged dossier ${ack.dossierId} (${ack.receiptNo}) is gone`);
      } else if (dossier.receiptNo !== ack.receiptNo) {
        violations.push(
          `dossier ${ack.dossierId} has receipt ${dossier.receiptNo}, acknowledged as ${ack.receiptNo}`,
        );
      } else if (NOT_AFTER_DEPOSIT.has(dossier.state)) {
        violations.push(`acknowledged dossier ${ack.dossierId} is ${dossier.state}`);
      } else if (dossier.state === 'missing') {
        violations.push(`acknowledged dossier ${ack.dossierId} was found missing from its door`);
      }
    }

    const unsettled = store.doorOperations.listUnsettled();
    for (const op of unsettled) {
      violations.push(`door operation ${op.id} (${op.purpose}, locker ${op.lockerId}) left ${op.state}`);
    }

    const live = liveDossiers(store);
    const byLocker = new Map<number, Dossier[]>();
    for (const dossier of live) {
      if (dossier.lockerId === null) {
        violations.push(`live dossier ${dossier.id} (${dossier.state}) holds no door`);
        continue;
      }
      byLocker.set(dossier.lockerId, [...(byLocker.get(dossier.lockerId) ?? []), dossier]);
      if (DOOR_OPEN_STATES.has(dossier.state)) {
        violations.push(`dossier ${dossier.id} still ${dossier.state} after every operation settled`);
      }
    }
    for (const [lockerId, holders] of byLocker) {
      if (holders.length > 1) {
        violations.push(
          `locker ${lockerId} is held by ${holders.length} live dossiers: ${holders.map((d) => d.id).join(', ')}`,
        );
      }
    }

    for (const locker of store.lockers.list()) {
      const truth = sim.truth(locker.board, locker.channel);
      const holder = byLocker.get(locker.id)?.[0];
      if (
        holder &&
        holder.state !== 'needs_inspection' &&
        holdsCitizenProperty(holder.state) &&
        !truth.present
      ) {
        violations.push(
          `ledger has dossier ${holder.id} (${holder.state}) in locker ${locker.id}, the door is empty`,
        );
      }
      if (!holder && truth.present) {
        violations.push(`locker ${locker.id} holds an item no live dossier accounts for`);
      }
    }

    const chain = store.audit.verifyChain();
    if (!chain.ok) violations.push(`audit chain broken at seq ${chain.brokenAt}: ${chain.reason}`);
  });
  return violations;
}
