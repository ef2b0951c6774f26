import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, makeHarness } from './harness';
import { collect, deposit, load, pickupCodeFromOutbox } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness({ reclaimAfterDays: 3 });
});
afterEach(() => h.dispose());

const DAY = 86_400_000;

describe('staff collection', () => {
  it('lists deposited dossiers without contact data, collects one and records its one-stop code', async () => {
    const { dossierId, lockerId } = await deposit(h);
    const list = h.ledger.collection.listDeposited();
    expect(list.map((d) => [d.dossierId, d.doorPosition])).toEqual([[dossierId, lockerId]]);
    expect(JSON.stringify(list)).not.toContain('Nguyễn');
    await collect(h, dossierId);
    expect(h.store.dossiers.get(dossierId)!.collectedAt).toBe(h.now.ms);
    expect(h.ledger.collection.listDeposited()).toEqual([]);
    h.ledger.collection.confirm(dossierId, 'MC-000045', 'st1');
    expect(h.store.dossiers.get(dossierId)!.externalCode).toBe('MC-000045');
  });

  it('a collection door closed on the dossier leaves it deposited', async () => {
    const { dossierId, lockerId } = await deposit(h);
    const opened = await h.ledger.collection.open(dossierId, 'st1');
    h.doors.close(lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('deposited');
  });

  it('a collection refused by the board leaves the dossier deposited', async () => {
    const { dossierId, lockerId } = await deposit(h);
    h.doors.script(lockerId, { kind: 'refused', reason: 'cooldown' });
    expect(await h.ledger.collection.open(dossierId, 'st1')).toMatchObject({
      ok: false,
      needsInspection: false,
    });
    expect(h.store.dossiers.get(dossierId)!.state).toBe('deposited');
  });

  it('cannot confirm a dossier that is still in its door', async () => {
    const { dossierId } = await deposit(h);
    expect(() => h.ledger.collection.confirm(dossierId, 'MC-1', 'st1')).toThrow(/with staff/);
  });
});

describe('result loading', () => {
  it('closing the door on the result makes it ready and queues the notice with the sealed code', async () => {
    const { dossierId } = await deposit(h);
    await collect(h, dossierId);
    const { lockerId, code } = await load(h, dossierId);
    expect(code).toMatch(/^\d{8}$/);
    const dossier = h.store.dossiers.get(dossierId)!;
    expect(dossier).toMatchObject({ state: 'ready', lockerId, readyAt: h.now.ms });
    const notice = h.store.outbox.due(h.now.ms, 10).find((m) => m.kind === 'result_ready')!;
    expect(JSON.stringify(notice.payload)).not.toContain(code);
    expect(h.store.credentials.get(dossierId)!.codeHash).not.toContain(code);
  });

  it('finds a dossier with staff by receipt or one-stop code', async () => {
    const { dossierId, issued } = await deposit(h);
    expect(h.ledger.loading.find(issued.receiptDisplay)).toBeNull(); // still in its door
    await collect(h, dossierId);
    h.ledger.collection.confirm(dossierId, 'MC-77', 'st1');
    expect(h.ledger.loading.find(issued.receiptDisplay)?.dossierId).toBe(dossierId);
    expect(h.ledger.loading.find('MC-77')?.dossierId).toBe(dossierId);
  });

  it('registers a result filed online and loads it for pickup by receipt and code', async () => {
    const item = h.ledger.loading.registerResult(
      {
        procedureCode: 'BIRTH',
        origin: 'online',
        externalCode: 'DVC-9',
        applicantName: 'Lê C',
        applicantPhone: '0987654321',
      },
      'st1',
    );
    expect(item.state).toBe('at_counter');
    const { code, lockerId } = await load(h, item.dossierId);
    const opened = await h.ledger.pickup.start({ receiptNo: item.receiptNo, code });
    expect(opened).toMatchObject({ ok: true, lockerId });
    expect(pickupCodeFromOutbox(h, item.dossierId)).toBe(code);
  });

  it('a loading door closed empty leaves the result with staff', async () => {
    const item = h.ledger.loading.registerResult(
      {
        procedureCode: 'BIRTH',
        origin: 'counter',
        externalCode: 'MC-1',
        applicantName: 'Lê C',
        applicantPhone: '0987654321',
      },
      'st1',
    );
    const opened = await h.ledger.loading.open(item.dossierId, 'st1');
    h.doors.close(opened.lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('at_counter');
    expect(h.store.outbox.due(h.now.ms, 10).filter((m) => m.kind === 'result_ready')).toEqual([]);
  });
});

describe('reclaim', () => {
  it('results left longer than the delay are listed, and reclaimed when their door closes empty', async () => {
    const { dossierId } = await deposit(h);
    await collect(h, dossierId);
    const { lockerId } = await load(h, dossierId);
    expect(h.ledger.reclaim.listDue()).toEqual([]);
    await expect(h.ledger.reclaim.open(dossierId, 'st1')).rejects.toThrow(/reclaim_too_early/);
    h.now.ms += 3 * DAY;
    expect(h.ledger.reclaim.listDue().map((d) => d.dossierId)).toEqual([dossierId]);
    const opened = await h.ledger.reclaim.open(dossierId, 'st1');
    h.doors.takeItem(lockerId);
    h.doors.close(lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('reclaimed');
    const notices = h.store.outbox.due(h.now.ms, 10).filter((m) => m.kind === 'result_reclaimed');
    expect(notices.map((m) => m.dossierId)).toEqual([dossierId]);
  });
});

describe('late dossiers', () => {
  it('a result not loaded by the appointment is marked late and one apology is queued', async () => {
    const { dossierId } = await deposit(h);
    expect(h.ledger.late.run()).toBe(0);
    h.now.ms = Date.parse('2026-11-26T16:00:00Z'); // Thursday 23:00 local: still the appointment day
    expect(h.ledger.late.run()).toBe(0);
    h.now.ms = Date.parse('2026-11-26T17:30:00Z'); // Friday 00:30 local
    expect(h.ledger.late.run()).toBe(1);
    expect(h.ledger.late.run()).toBe(0);
    expect(h.store.dossiers.get(dossierId)).toMatchObject({ late: true, apologyAt: h.now.ms });
    expect(h.store.outbox.due(h.now.ms, 10).filter((m) => m.kind === 'apology')).toHaveLength(1);
  });
});

describe('personal data purge', () => {
  it('erases contact data of dossiers closed longer than the retention period', async () => {
    h.dispose();
    h = makeHarness({ retentionDays: 30 });
    const opened = await h.ledger.dropOff.start({
      procedureCode: 'BIRTH',
      applicantName: 'X',
      applicantPhone: '0900000000',
    });
    h.doors.close(opened.lockerId);
    await h.ledger.awaitClose(opened.operationId);
    expect(h.ledger.purge.run().purged).toBe(0);
    h.now.ms += 31 * DAY;
    expect(h.ledger.purge.run().purged).toBe(1);
    expect(h.store.dossiers.get(opened.dossierId!)).toMatchObject({
      applicantName: null,
      applicantPhone: null,
    });
  });
});
