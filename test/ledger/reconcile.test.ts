import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_A, type Harness, makeHarness } from './harness';
import { collect, deposit, readyDossier } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.dispose());

/** A crash while the door is open: the process dies with the operation unsettled ('intent'). */
async function crashWithDoorOpen(start: () => Promise<{ operationId: number; lockerId: number }>) {
  const opened = await start();
  h = h.restart();
  return opened;
}

const op = (id: number) => h.store.doorOperations.get(id)!;

/** What the collection's intent transaction writes, with the process dying before the send. */
function collectionIntentNeverSent(dossierId: number, lockerId: number): number {
  return h.store.write(() => {
    h.store.dossiers.update(dossierId, { state: 'collecting' }, 'deposited');
    return h.store.doorOperations.recordIntent({
      lockerId,
      dossierId,
      purpose: 'collect',
      actor: 'staff:st1',
      createdAt: h.now.ms,
    });
  });
}

describe('start-up reconciliation', () => {
  it('a deposit door found closed and empty is cancelled and confirmed', async () => {
    const { operationId, lockerId } = await crashWithDoorOpen(() => h.ledger.dropOff.start(CITIZEN_A));
    h.doors.set(lockerId, { open: false, present: false });
    const report = await h.ledger.reconcile();
    expect(report).toMatchObject({
      operations: 1,
      confirmed: 1,
      needsInspection: 0,
      incidents: 0,
      linkReady: true,
    });
    expect(op(operationId)).toMatchObject({ state: 'confirmed', outcome: 'closed_empty' });
    expect(h.store.dossiers.get(op(operationId).dossierId!)!.state).toBe('cancelled');
    // A screen asking after the restart hears what the ledger recorded.
    expect(await h.ledger.awaitClose(operationId)).toMatchObject({
      outcome: 'closed_empty',
      state: 'cancelled',
    });
  });

  it('a deposit door closed on an item with no deposit recorded needs inspection', async () => {
    const { operationId, lockerId } = await crashWithDoorOpen(() => h.ledger.dropOff.start(CITIZEN_A));
    h.doors.set(lockerId, { open: false, present: true });
    const report = await h.ledger.reconcile();
    expect(report).toMatchObject({ confirmed: 0, needsInspection: 1 });
    expect(op(operationId)).toMatchObject({
      state: 'needs_inspection',
      reason: 'closed_with_unrecorded_item',
    });
    expect(h.store.dossiers.get(op(operationId).dossierId!)).toMatchObject({
      state: 'needs_inspection',
      inspectedFrom: 'reserved',
    });
  });

  it('a door still open at start-up needs inspection and raises an incident', async () => {
    const { operationId } = await crashWithDoorOpen(() => h.ledger.dropOff.start(CITIZEN_A));
    const report = await h.ledger.reconcile();
    expect(report).toMatchObject({ needsInspection: 1, incidents: 1 });
    expect(op(operationId).reason).toBe('door_open_at_startup');
    expect(h.store.incidents.listOpen().map((i) => i.kind)).toEqual(['door_open_at_startup']);
  });

  it('a door that cannot be read (link down) needs inspection', async () => {
    const { operationId, lockerId } = await crashWithDoorOpen(() => h.ledger.dropOff.start(CITIZEN_A));
    h.doors.set(lockerId, { open: false });
    h.doors.unreadable.add(lockerId);
    await h.ledger.reconcile();
    expect(op(operationId).reason).toBe('door_unreadable_at_startup');
  });

  it('with the link never ready every unfinished operation needs inspection', async () => {
    const { operationId } = await crashWithDoorOpen(() => h.ledger.dropOff.start(CITIZEN_A));
    h.doors.ready = false;
    const report = await h.ledger.reconcile();
    expect(report).toMatchObject({ linkReady: false, doorsRead: 0, needsInspection: 1 });
    expect(op(operationId).state).toBe('needs_inspection');
  });

  it('a collection sent before the crash, its door closed on the dossier, goes back to deposited', async () => {
    const { dossierId, lockerId } = await deposit(h);
    // The process dies while the open is on the wire.
    h.doors.open = () => new Promise(() => {});
    const pending = h.ledger.collection.open(dossierId, 'st1');
    void pending;
    await new Promise((r) => setTimeout(r, 10));
    const [unsettled] = h.store.doorOperations.listUnsettled();
    // No 'sent' marker: the intent is all the store holds while the command is on the wire.
    expect(unsettled?.state).toBe('intent');
    h = h.restart();
    h.doors.set(lockerId, { open: false, present: true });
    // Sent (maybe opened) and the dossier still inside: it goes back to deposited, nothing lost.
    const report = await h.ledger.reconcile();
    expect(report).toMatchObject({ confirmed: 1 });
    expect(h.store.dossiers.get(dossierId)!.state).toBe('deposited');
  });

  it('an intent never sent steps back when the door reads as the ledger left it', async () => {
    const { dossierId, lockerId } = await deposit(h);
    const operationId = collectionIntentNeverSent(dossierId, lockerId);
    h = h.restart();
    h.doors.set(lockerId, { open: false, present: true });
    expect(await h.ledger.reconcile()).toMatchObject({ confirmed: 1 });
    // Sent or not, the door reads as the ledger left it: the same proven close.
    expect(op(operationId)).toMatchObject({ state: 'confirmed', outcome: 'closed_with_item' });
    expect(h.store.dossiers.get(dossierId)!.state).toBe('deposited');
  });

  it('an intent never sent whose door reads otherwise needs inspection', async () => {
    const { dossierId, lockerId } = await deposit(h);
    const operationId = collectionIntentNeverSent(dossierId, lockerId);
    h = h.restart();
    h.doors.set(lockerId, { open: false, present: false });
    await h.ledger.reconcile();
    expect(op(operationId)).toMatchObject({
      state: 'needs_inspection',
      reason: 'closed_empty_unconfirmed',
    });
  });

  it('a collection door found closed and empty needs inspection (staff may or may not hold it)', async () => {
    const { dossierId, lockerId } = await deposit(h);
    await crashWithDoorOpen(() => h.ledger.collection.open(dossierId, 'st1'));
    h.doors.set(lockerId, { open: false, present: false });
    await h.ledger.reconcile();
    expect(h.store.dossiers.get(dossierId)).toMatchObject({
      state: 'needs_inspection',
      inspectedFrom: 'collecting',
    });
  });

  it('a pickup door found closed with the result still inside goes back to ready', async () => {
    const ready = await readyDossier(h);
    await crashWithDoorOpen(() => h.ledger.pickup.start({ qr: ready.issued.qrPayload }));
    h.doors.set(ready.lockerId, { open: false, present: true });
    expect(await h.ledger.reconcile()).toMatchObject({ confirmed: 1 });
    expect(h.store.dossiers.get(ready.dossierId)!.state).toBe('ready');
  });

  it('a pickup door found closed and empty needs inspection', async () => {
    const ready = await readyDossier(h);
    await crashWithDoorOpen(() => h.ledger.pickup.start({ qr: ready.issued.qrPayload }));
    h.doors.set(ready.lockerId, { open: false, present: false });
    expect(await h.ledger.reconcile()).toMatchObject({ needsInspection: 1 });
  });

  it('a door found open that nobody opened is an alarm, and so is a deposited door found empty', async () => {
    const a = await deposit(h);
    const b = await deposit(h);
    await collect(h, b.dossierId); // door 2 empty, dossier with staff
    h = h.restart();
    h.doors.set(a.lockerId, { present: false }); // the dossier vanished
    h.doors.set(3, { open: true }); // nobody opened door 3
    h.doors.set(5, { present: true }); // an item nobody recorded
    const report = await h.ledger.reconcile();
    expect(report).toMatchObject({ operations: 0, incidents: 3, doorsRead: 6 });
    expect(h.store.incidents.listOpen().map((i) => [i.kind, i.lockerId])).toEqual([
      ['item_missing', a.lockerId],
      ['door_found_open', 3],
      ['unexpected_item', 5],
    ]);
    expect(h.store.dossiers.get(a.dossierId)!.state).toBe('needs_inspection');
  });

  it('after reconciliation no operation is left unsettled', async () => {
    await crashWithDoorOpen(() => h.ledger.dropOff.start(CITIZEN_A));
    await h.ledger.reconcile();
    expect(h.store.doorOperations.listUnsettled()).toEqual([]);
  });
});
