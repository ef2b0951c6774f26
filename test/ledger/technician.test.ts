import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_A, type Harness, makeHarness } from './harness';
import { collect, deposit, pickupCodeFromOutbox } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.dispose());

describe('technician actions', () => {
  it('lists a dossier in needs_inspection with what may be recorded, and settles it', async () => {
    h.doors.script(1, { kind: 'jammed' });
    const r = await h.ledger.dropOff.start(CITIZEN_A);
    const [item] = h.ledger.technician.listNeedsInspection();
    expect(item).toMatchObject({ dossierId: r.dossierId, inspectedFrom: 'reserved' });
    expect(item!.settleTo).toEqual(['deposited', 'cancelled', 'at_counter']);
    expect(() => h.ledger.technician.settle(r.dossierId!, 'picked_up', 'tech1')).toThrow(
      /settle_not_allowed/,
    );
    expect(h.ledger.technician.settle(r.dossierId!, 'cancelled', 'tech1')).toBe('cancelled');
    expect(h.ledger.technician.listNeedsInspection()).toEqual([]);
  });

  it('a dossier found inside after a lost drop-off is deposited and its receipt number sent by SMS', async () => {
    h.doors.script(1, { kind: 'link_down', maybeExecuted: true, detail: 'x' });
    const r = await h.ledger.dropOff.start(CITIZEN_A);
    h.ledger.technician.settle(r.dossierId!, 'deposited', 'tech1');
    const d = h.store.dossiers.get(r.dossierId!)!;
    expect(d.state).toBe('deposited');
    expect(d.appointmentDate).not.toBeNull();
    expect(h.store.outbox.due(h.now.ms, 10).map((m) => m.kind)).toEqual(['dropoff_receipt']);
  });

  it('a result found loaded after a lost close gets its pickup code issued when settled ready', async () => {
    const { dossierId } = await deposit(h);
    await collect(h, dossierId);
    const opened = await h.ledger.loading.open(dossierId, 'st1');
    h.now.ms += 120_000;
    h.ledger.sweepOpenDoors();
    h.ledger.technician.settle(dossierId, 'ready', 'tech1');
    expect(pickupCodeFromOutbox(h, dossierId)).toMatch(/^\d{8}$/);
    expect(opened.ok).toBe(true);
  });

  it('a missing dossier raises an incident', async () => {
    const { dossierId, lockerId } = await deposit(h);
    h.doors.forceOpen(lockerId);
    h.ledger.technician.settle(dossierId, 'missing', 'tech1');
    expect(h.store.incidents.listOpen().map((i) => i.kind)).toEqual(['uncommanded_open', 'dossier_missing']);
  });

  it('opening a door that holds a dossier is audited and leaves the dossier to inspect', async () => {
    const { dossierId, lockerId } = await deposit(h);
    const opened = await h.ledger.technician.openDoor(lockerId, 'replace sensor', 'tech1');
    expect(opened.ok).toBe(true);
    expect(h.store.dossiers.get(dossierId)!.state).toBe('needs_inspection');
    h.doors.close(lockerId);
    expect(await h.ledger.awaitClose(opened.operationId)).toMatchObject({
      needsInspection: false,
      state: 'needs_inspection',
    });
    const actions = h.store.audit
      .list(0, 1000)
      .filter((r) => r.actor === 'technician:tech1')
      .map((r) => r.action);
    expect(actions).toEqual(['dossier.lost_track', 'door.intent']);
    await expect(h.ledger.technician.openDoor(lockerId, '  ', 'tech1')).rejects.toThrow(/reason/);
  });

  it('a door out of service is not allocated, and back in service it is', async () => {
    h.ledger.technician.setInService(1, false, 'broken hinge', 'tech1');
    expect((await deposit(h)).lockerId).toBe(2);
    h.ledger.technician.setInService(1, true, null, 'tech1');
    expect((await deposit(h)).lockerId).toBe(1);
  });

  it('every state change and door command leaves an audit row, and the chain verifies', async () => {
    const { dossierId } = await deposit(h);
    const rows = h.store.audit.list(0, 1000);
    expect(rows.map((r) => r.action)).toEqual([
      'dossier.open_dropoff',
      'door.intent',
      'dossier.closed_with_item',
      'credential.issued',
      'door.closed',
    ]);
    expect(rows.every((r) => !r.detail.includes('Nguyễn') && !r.detail.includes('0901234567'))).toBe(true);
    expect(h.store.audit.verifyChain().ok).toBe(true);
    expect(rows[0]!.subject).toBe(`dossier:${dossierId}`);
  });
});
