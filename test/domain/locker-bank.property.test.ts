import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOOR_SIZES } from '../../src/domain/allocation';
import { DOSSIER_STATES, holdsCitizenProperty, isLive } from '../../src/domain/states';
import { LockerBankModel, type ModelDoor, type Op, type Outcome } from './locker-bank-model';

const outcome = fc.constantFrom<Outcome>('opened', 'opened', 'opened', 'refused', 'jammed', 'link_down');
const size = fc.constantFrom(...DOOR_SIZES);
const pick = fc.nat(50);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('drop_off' as const), size, outcome, really: fc.boolean() }),
  fc.record({
    kind: fc.constantFrom('close_with_item' as const, 'close_empty' as const, 'back_out' as const),
    pick,
  }),
  fc.record({
    kind: fc.constantFrom('open_collect' as const, 'open_pickup' as const, 'open_reclaim' as const),
    pick,
    outcome,
    really: fc.boolean(),
  }),
  fc.record({ kind: fc.constantFrom('close_taking' as const, 'close_leaving' as const), pick }),
  fc.record({ kind: fc.constant('register_result' as const), size }),
  fc.record({ kind: fc.constant('open_load' as const), pick, outcome, really: fc.boolean() }),
  fc.record({ kind: fc.constant('close_load' as const), pick, putIn: fc.boolean() }),
  fc.record({ kind: fc.constant('lose_track' as const), pick, act: fc.boolean() }),
  fc.record({ kind: fc.constant('settle' as const), pick }),
);

// Long sequences: the interesting states lie several steps deep.
const ops = fc.array(op, { minLength: 10, maxLength: 150, size: 'max' });

const bank: fc.Arbitrary<ModelDoor[]> = fc
  .array(fc.record({ size, inService: fc.nat(5).map((n) => n > 0) }), { minLength: 1, maxLength: 8 })
  .map((doors) =>
    doors.map((d, i) => ({
      id: `D${i}`,
      size: d.size,
      position: i,
      inService: d.inService,
      physicallyOpen: false,
    })),
  );

function checkInvariants(model: LockerBankModel): void {
  // One live dossier per door, and every live dossier has its door.
  const byDoor = new Map<string, number>();
  for (const d of model.dossiers) {
    if (!isLive(d.state)) continue;
    expect(d.door, `live dossier ${d.id} without a door`).not.toBeNull();
    byDoor.set(d.door!, (byDoor.get(d.door!) ?? 0) + 1);
  }
  for (const [door, n] of byDoor) expect(n, `door ${door} assigned to ${n} live dossiers`).toBe(1);

  for (const d of model.dossiers) {
    // An item physically in a door is on the books as citizen property in exactly that door.
    if (d.item.at === 'door') {
      expect(holdsCitizenProperty(d.state), `dossier ${d.id} in door ${d.item.door} but ${d.state}`).toBe(
        true,
      );
      expect(d.door).toBe(d.item.door);
    }
    // The ledger claims property in a door only where it is (or where it admits not knowing).
    if (holdsCitizenProperty(d.state) && d.state !== 'needs_inspection') {
      expect(d.item, `dossier ${d.id} ${d.state} but item is with ${d.item.at}`).toEqual({
        at: 'door',
        door: d.door,
      });
    }
    // Nothing is ever lost in this world (nobody steals), so no dossier may be written off, and
    // a drop-off is cancelled only if nothing ever went into the door.
    expect(d.state).not.toBe('missing');
    if (d.state === 'cancelled') expect(d.everInDoor).toBe(false);
  }
  // Property left a door only into the hands the ledger named.
  for (const h of model.handovers) expect(h.holder, `handover of ${h.id}`).toBe(h.handover);
}

describe('a bank of doors under random operations', () => {
  it('never gives a door to two live dossiers and never loses a citizen’s property', () => {
    fc.assert(
      fc.property(bank, ops, (doors, ops) => {
        const model = new LockerBankModel(doors);
        for (const o of ops) {
          model.run(o);
          checkInvariants(model);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the model reaches every state, so the invariants are exercised', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(bank, ops, (doors, ops) => {
        const model = new LockerBankModel(doors);
        for (const o of ops) model.run(o);
        for (const s of model.visited) seen.add(s);
      }),
      { numRuns: 100, seed: 42 },
    );
    const reachable = DOSSIER_STATES.filter((s) => s !== 'missing');
    for (const s of reachable) expect(seen).toContain(s);
  });
});
