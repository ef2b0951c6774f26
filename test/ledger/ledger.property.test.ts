import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { holdsCitizenProperty } from '../../src/domain/states';
import { LedgerError } from '../../src/ledger/errors';
import type { Dossier, DossierState } from '../../src/store';
import { LOCKERS } from '../support/fixtures';
import { liveDossiers } from './crash/invariants';
import { foundState } from './crash/technician';
import { CITIZEN_A, CITIZEN_LAND, type Harness, makeHarness } from './harness';

/**
 * The real ledger (createLedger over a store on a real SQLite file) driven by random sequences of
 * what happens at a kiosk: drop-offs, doors closed on an item or empty, collections, loads,
 * pickups, reclaims, jammed doors, restarts with start-up reconciliation, a technician's round.
 * After every step: no door is held by two live dossiers, every acknowledged deposit is still
 * on the books in a state reachable after a deposit, the books agree with what each closed door
 * holds, and the audit chain verifies. The doors are FakeDoors (the hands are this test).
 */

type Step =
  | { t: 'dropOff'; land: boolean }
  | { t: 'closeWithItem' | 'closeEmpty' | 'closeAsMeant'; pick: number }
  | { t: 'collect' | 'load' | 'pickup' | 'reclaim'; pick: number }
  | { t: 'jam'; locker: number }
  | { t: 'restart' }
  | { t: 'inspect' };

const pick = fc.nat(20);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('dropOff' as const), land: fc.boolean() }) },
  // Mostly people do what the door was opened for; sometimes not (a citizen who backs out).
  { weight: 6, arbitrary: fc.record({ t: fc.constant('closeAsMeant' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('closeWithItem' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('closeEmpty' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('collect' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('load' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('pickup' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reclaim' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('jam' as const),
      locker: fc.constantFrom(...LOCKERS.map((l) => l.id)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restart' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('inspect' as const) }) },
);

/** A door the ledger opened and that the hands have not shut yet. */
type Pending = { operationId: number; lockerId: number; purpose: string; dossierId: number | null };

/** What the door was opened for leaves an item inside: a deposit, a loaded result. */
const LEAVES_ITEM: Record<string, boolean> = { deposit: true, load: true };

const NOT_AFTER_DEPOSIT = new Set<DossierState>(['reserved', 'cancelled', 'missing']);

class Kiosk {
  h: Harness = makeHarness({ reclaimAfterDays: 1e-9 });
  /** Operations whose door stands open, in the order they opened. */
  pending: Pending[] = [];
  /** Doors left standing open by a daemon that restarted: nobody awaits their close. */
  orphans = new Set<number>();
  /** Deposits the ledger acknowledged to a citizen (the receipt was shown). */
  readonly acknowledged = new Map<number, string>();
  /** The citizens' QR receipts. */
  readonly wallet = new Map<number, string>();
  readonly counts: Record<string, number> = {};

  private tally(what: string): void {
    this.counts[what] = (this.counts[what] ?? 0) + 1;
  }

  private inState(state: DossierState, n: number): Dossier | undefined {
    const list = this.h.store.dossiers.listByState(state, 100);
    return list.length === 0 ? undefined : list[n % list.length];
  }

  private track(
    opened: { ok: boolean; operationId: number; lockerId: number; dossierId: number | null },
    purpose: string,
  ): void {
    if (opened.ok)
      this.pending.push({
        operationId: opened.operationId,
        lockerId: opened.lockerId,
        purpose,
        dossierId: opened.dossierId,
      });
    this.tally(`${purpose}:${opened.ok ? 'opened' : 'failed'}`);
  }

  async run(s: Step): Promise<void> {
    const { h } = this;
    h.now.ms += 60_000;
    switch (s.t) {
      case 'dropOff':
        this.track(await h.ledger.dropOff.start(s.land ? CITIZEN_LAND : CITIZEN_A), 'deposit');
        return;
      case 'collect': {
        const d = this.inState('deposited', s.pick);
        if (d) this.track(await h.ledger.collection.open(d.id, 'st1'), 'collect');
        return;
      }
      case 'load': {
        const d = this.inState('at_counter', s.pick);
        if (d) this.track(await h.ledger.loading.open(d.id, 'st1'), 'load');
        return;
      }
      case 'reclaim': {
        const d = this.inState('ready', s.pick);
        if (d) this.track(await h.ledger.reclaim.open(d.id, 'st1'), 'reclaim');
        return;
      }
      case 'pickup': {
        const d = this.inState('ready', s.pick);
        const qr = d && this.wallet.get(d.id);
        if (!d || !qr) return;
        // The land procedure asks for the last four digits of the phone as well.
        const secondFactor = d.procedureCode === 'LAND' ? CITIZEN_LAND.applicantPhone.slice(-4) : undefined;
        this.track(await h.ledger.pickup.start({ qr, secondFactor }), 'pickup');
        return;
      }
      case 'closeWithItem':
      case 'closeEmpty':
      case 'closeAsMeant': {
        if (this.pending.length === 0) {
          const withItem = s.t !== 'closeEmpty';
          const orphan = [...this.orphans][s.pick % Math.max(1, this.orphans.size)];
          if (orphan === undefined) return;
          this.orphans.delete(orphan);
          if (withItem) h.doors.putItem(orphan);
          else h.doors.takeItem(orphan);
          h.doors.close(orphan);
          return;
        }
        const [p] = this.pending.splice(s.pick % this.pending.length, 1);
        const withItem = s.t === 'closeAsMeant' ? LEAVES_ITEM[p!.purpose] === true : s.t === 'closeWithItem';
        if (withItem) h.doors.putItem(p!.lockerId);
        else h.doors.takeItem(p!.lockerId);
        h.doors.close(p!.lockerId);
        const closed = await h.ledger.awaitClose(p!.operationId);
        this.tally(`${p!.purpose}:${closed.outcome}`);
        if (p!.purpose === 'deposit' && closed.state === 'deposited' && closed.issued) {
          this.acknowledged.set(p!.dossierId!, closed.issued.receiptNo);
          this.wallet.set(p!.dossierId!, closed.issued.qrPayload);
        }
        return;
      }
      case 'jam':
        h.doors.script(s.locker, { kind: 'jammed' });
        return;
      case 'restart': {
        for (const p of this.pending) this.orphans.add(p.lockerId);
        this.pending = [];
        this.h = h.restart();
        await this.h.ledger.reconcile();
        this.tally('restart');
        expect(
          this.h.store.doorOperations.listUnsettled(),
          'operations left unsettled by reconciliation',
        ).toEqual([]);
        return;
      }
      case 'inspect': {
        // A technician shuts every door left standing and records what each inspected door holds.
        for (const lockerId of this.orphans) h.doors.close(lockerId);
        this.orphans.clear();
        const busy = new Set(this.pending.map((p) => p.lockerId));
        for (const item of h.ledger.technician.listNeedsInspection()) {
          const d = h.store.dossiers.get(item.dossierId)!;
          if (d.lockerId === null || busy.has(d.lockerId)) continue;
          const door = h.doors.doors.get(d.lockerId)!;
          if (door.open) continue;
          h.ledger.technician.settle(
            d.id,
            foundState(d.inspectedFrom, { present: door.present === true }),
            'T01',
          );
          this.tally('settled');
        }
        return;
      }
    }
  }

  check(after: string): void {
    const { store, doors } = this.h;
    const problems: string[] = [];
    store.read(() => {
      for (const [id, receiptNo] of this.acknowledged) {
        const d = store.dossiers.get(id);
        if (!d) problems.push(`acknowledged dossier ${id} is gone`);
        else if (d.receiptNo !== receiptNo)
          problems.push(`dossier ${id} has receipt ${d.receiptNo}, not ${receiptNo}`);
        else if (NOT_AFTER_DEPOSIT.has(d.state)) problems.push(`acknowledged dossier ${id} is ${d.state}`);
      }
      const byLocker = new Map<number, Dossier[]>();
      for (const d of liveDossiers(store)) {
        if (d.lockerId === null) {
          problems.push(`live dossier ${d.id} (${d.state}) holds no door`);
          continue;
        }
        byLocker.set(d.lockerId, [...(byLocker.get(d.lockerId) ?? []), d]);
      }
      for (const [lockerId, holders] of byLocker) {
        if (holders.length > 1)
          problems.push(`locker ${lockerId} held by dossiers ${holders.map((d) => d.id).join(', ')}`);
      }
      // A shut door no operation is waiting on must hold exactly what the books say.
      const open = new Set([...this.pending.map((p) => p.lockerId), ...this.orphans]);
      for (const [lockerId, door] of doors.doors) {
        if (door.open || open.has(lockerId)) continue;
        const holder = byLocker.get(lockerId)?.[0];
        if (
          holder &&
          holder.state !== 'needs_inspection' &&
          holdsCitizenProperty(holder.state) &&
          !door.present
        ) {
          problems.push(
            `dossier ${holder.id} (${holder.state}) on the books in locker ${lockerId}, which is empty`,
          );
        }
        if (!holder && door.present)
          problems.push(`locker ${lockerId} holds an item no live dossier accounts for`);
      }
      const chain = store.audit.verifyChain();
      if (!chain.ok) problems.push(`audit chain broken at ${chain.brokenAt}: ${chain.reason}`);
    });
    expect(problems, after).toEqual([]);
  }
}

/** A refusal a person at the kiosk or the counter would see; anything else is a bug. */
function isRefusal(error: unknown): boolean {
  return error instanceof DomainError || error instanceof LedgerError;
}

describe('the real ledger under random sequences of kiosk life', () => {
  it('never gives a door to two live dossiers and never loses an acknowledged deposit', {
    timeout: 120_000,
  }, async () => {
    const totals: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), async (steps) => {
        const kiosk = new Kiosk();
        try {
          for (const [i, s] of steps.entries()) {
            try {
              await kiosk.run(s);
            } catch (error) {
              if (!isRefusal(error)) throw error;
              kiosk.counts.refused = (kiosk.counts.refused ?? 0) + 1;
            }
            kiosk.check(`after step ${i} ${JSON.stringify(s)}`);
          }
        } finally {
          for (const [k, n] of Object.entries(kiosk.counts)) totals[k] = (totals[k] ?? 0) + n;
          kiosk.h.dispose();
        }
      }),
      { numRuns: 40 },
    );
    console.log(`steps reached: ${JSON.stringify(totals)}`);
    // The runs reached what they claim to cover.
    expect(totals['deposit:closed_with_item']).toBeGreaterThan(5);
    expect((totals['pickup:closed_empty'] ?? 0) + (totals['reclaim:closed_empty'] ?? 0)).toBeGreaterThan(0);
    expect(totals.restart).toBeGreaterThan(3);
    expect(totals.settled).toBeGreaterThan(0);
  });
});
