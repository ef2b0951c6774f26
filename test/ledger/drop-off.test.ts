import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashQrSecret, parseQrPayload } from '../../src/domain/credentials';
import { DomainError } from '../../src/domain/errors';
import { LATE_OPEN_WINDOW_MS } from '../../src/ledger/door-settle';
import { CITIZEN_A, CITIZEN_LAND, type Harness, makeHarness } from './harness';
import { deposit } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.dispose());

describe('drop-off', () => {
  it('a door closed on the dossier deposits it and issues the receipt with a QR whose hash alone is stored', async () => {
    const { dossierId, lockerId, issued } = await deposit(h);
    expect(lockerId).toBe(1);
    const qr = parseQrPayload(issued.qrPayload);
    expect(qr.ok).toBe(true);
    if (!qr.ok) return;
    expect(qr.receipt.compact).toBe(issued.receiptNo);
    expect(issued.receiptNo).toMatch(/^061261123\d{5}$/);
    // Monday 09:00 + 3 working days.
    expect(issued.appointmentDate).toBe('2026-11-26');
    const dossier = h.store.dossiers.get(dossierId)!;
    expect(dossier).toMatchObject({ state: 'deposited', appointmentDate: '2026-11-26', origin: 'kiosk' });
    expect(dossier.depositedAt).toBe(h.now.ms);
    expect(h.store.credentials.get(dossierId)!.qrSecretHash).toBe(hashQrSecret(qr.secret));
    const sms = h.store.outbox.due(h.now.ms, 10).filter((m) => m.kind === 'dropoff_receipt');
    expect(sms).toHaveLength(1);
    expect(JSON.stringify(sms[0]!.payload)).not.toContain(qr.secret);
    const ops = h.store.doorOperations.listForDossier(dossierId);
    expect(ops.map((o) => [o.purpose, o.state, o.outcome])).toEqual([
      ['deposit', 'confirmed', 'closed_with_item'],
    ]);
  });

  it('the receipt is handed out once: a second wait on the same operation gets no QR', async () => {
    const opened = await h.ledger.dropOff.start(CITIZEN_A);
    const first = h.ledger.awaitClose(opened.operationId);
    const second = h.ledger.awaitClose(opened.operationId);
    h.doors.putItem(opened.lockerId);
    h.doors.close(opened.lockerId);
    expect((await first).issued?.qrPayload).toMatch(/^DL1\./);
    expect((await second).issued).toBeUndefined();
    expect((await h.ledger.awaitClose(opened.operationId)).issued).toBeUndefined();
  });

  it('records the intent before the command reaches the board', async () => {
    let seenAtOpen: string | undefined;
    const open = h.doors.open.bind(h.doors);
    h.doors.open = async (lockerId) => {
      seenAtOpen = h.store.doorOperations.listUnsettled()[0]?.state;
      return open(lockerId);
    };
    await h.ledger.dropOff.start(CITIZEN_A);
    expect(seenAtOpen).toBe('intent');
  });

  it('a close reported from before the door opened for this drop-off is not taken for its close', async () => {
    const open = h.doors.open.bind(h.doors);
    h.doors.open = async (lockerId) => {
      h.doors.close(lockerId); // a late report of somebody shutting the door earlier
      return open(lockerId);
    };
    const opened = await h.ledger.dropOff.start(CITIZEN_A);
    expect(h.ledger.openOperations()).toEqual([opened.operationId]);
    expect(h.store.dossiers.get(opened.dossierId!)!.state).toBe('reserved');
    h.doors.putItem(opened.lockerId);
    h.doors.close(opened.lockerId);
    expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('deposited');
  });

  it('a door that closes on an empty locker cancels the drop-off', async () => {
    const opened = await h.ledger.dropOff.start(CITIZEN_A);
    h.doors.close(opened.lockerId);
    const closed = await h.ledger.awaitClose(opened.operationId);
    expect(closed).toMatchObject({ state: 'cancelled', outcome: 'closed_empty', needsInspection: false });
    expect(closed.issued).toBeUndefined();
    expect(h.store.dossiers.get(opened.dossierId!)!.closedAt).toBe(h.now.ms);
  });

  it('backing out and closing the empty door cancels', async () => {
    const opened = await h.ledger.dropOff.start(CITIZEN_A);
    const backed = h.ledger.dropOff.backOut(opened.operationId);
    h.doors.close(opened.lockerId);
    expect((await backed).state).toBe('cancelled');
  });

  it('gives the smallest free door that fits, and a larger one when the small ones are taken', async () => {
    expect((await deposit(h, CITIZEN_LAND)).lockerId).toBe(4);
    expect((await deposit(h)).lockerId).toBe(1);
    expect((await deposit(h)).lockerId).toBe(2);
    expect((await deposit(h)).lockerId).toBe(3);
    expect((await deposit(h)).lockerId).toBe(5);
  });

  it('refuses when no door of that size is free, with the bilingual message', async () => {
    await deposit(h, CITIZEN_LAND);
    await deposit(h, CITIZEN_LAND);
    await deposit(h, CITIZEN_LAND);
    const refusal = await h.ledger.dropOff.start(CITIZEN_LAND).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('no_free_door');
    expect((refusal as DomainError).vi).toContain('ngăn tủ');
  });

  it('a door whose board reports an item is not allocated', async () => {
    h.doors.set(1, { present: true });
    expect((await deposit(h)).lockerId).toBe(2);
  });

  it('refuses drop-offs in maintenance mode', async () => {
    h.ledger.technician.setMaintenance(true, 'tech1');
    await expect(h.ledger.dropOff.start(CITIZEN_A)).rejects.toMatchObject({ code: 'kiosk_maintenance' });
  });

  it('a dossier filed online keeps its online code', async () => {
    const { dossierId } = await deposit(h, { ...CITIZEN_A, onlineCode: 'HCM-2026-000123' });
    expect(h.store.dossiers.get(dossierId)).toMatchObject({
      origin: 'online',
      externalCode: 'HCM-2026-000123',
    });
  });
});

describe('drop-off door outcomes', () => {
  const start = () => h.ledger.dropOff.start(CITIZEN_A);

  it('refused: the door never opened, the drop-off is cancelled and the operation confirmed', async () => {
    h.doors.script(1, { kind: 'refused', reason: 'cooldown' });
    const r = await start();
    expect(r).toMatchObject({ ok: false, outcome: 'refused', error: 'door_refused', needsInspection: false });
    expect(h.store.dossiers.get(r.dossierId!)!.state).toBe('cancelled');
    expect(h.store.doorOperations.get(r.operationId)).toMatchObject({
      state: 'confirmed',
      outcome: 'refused',
    });
    expect(h.store.incidents.listOpen()).toEqual([]);
    h = h.restart();
    expect(await h.ledger.awaitClose(r.operationId)).toMatchObject({
      outcome: 'not_opened',
      state: 'cancelled',
    });
  });

  it('link down before sending: cancelled', async () => {
    h.doors.script(1, { kind: 'link_down', maybeExecuted: false, detail: 'down' });
    const r = await start();
    expect(r).toMatchObject({ ok: false, error: 'link_down', needsInspection: false });
    expect(h.store.dossiers.get(r.dossierId!)!.state).toBe('cancelled');
  });

  it('link down after the open may have reached the board: needs inspection and an incident', async () => {
    h.doors.script(1, { kind: 'link_down', maybeExecuted: true, detail: 'no reply' });
    const r = await start();
    expect(r).toMatchObject({ ok: false, needsInspection: true });
    expect(h.store.dossiers.get(r.dossierId!)).toMatchObject({
      state: 'needs_inspection',
      inspectedFrom: 'reserved',
    });
    expect(h.store.doorOperations.get(r.operationId)!.state).toBe('needs_inspection');
    expect(h.store.incidents.listOpen().map((i) => i.kind)).toEqual(['open_unconfirmed']);
  });

  it('a door seen open after an unconfirmed open: the alarm names that open as the likely cause', async () => {
    h.doors.script(1, { kind: 'link_down', maybeExecuted: true, detail: 'no reply' });
    const r = await start();
    h.now.ms += 42_000;
    // The link is back and the board had carried the command out: the door reads open.
    h.doors.forceOpen(r.lockerId);
    const alarm = h.store.incidents.listOpen().find((i) => i.kind === 'uncommanded_open');
    expect(alarm?.detail).toBe(
      `operation ${r.operationId} (deposit) on this door ended unconfirmed 42 s before (link down, maybe executed): probably that open, carried out late`,
    );
    expect(h.store.dossiers.get(r.dossierId!)!.state).toBe('needs_inspection');
    const [row] = h.store.audit.list(0, 1000).filter((a) => a.action === 'door.uncommanded_open');
    expect(JSON.parse(row!.detail)).toEqual({ afterUnconfirmedOperationId: r.operationId });
  });

  it('a door seen open long after an unconfirmed open, or after a settled one, is a plain alarm', async () => {
    h.doors.script(1, { kind: 'link_down', maybeExecuted: true, detail: 'no reply' });
    const r = await start();
    h.now.ms += LATE_OPEN_WINDOW_MS + 1000;
    h.doors.forceOpen(r.lockerId);
    const { dossierId, lockerId } = await deposit(h);
    h.doors.forceOpen(lockerId);
    expect(h.store.dossiers.get(dossierId)!.state).toBe('needs_inspection');
    const alarms = h.store.incidents.listOpen().filter((i) => i.kind === 'uncommanded_open');
    expect(alarms.map((i) => [i.lockerId, i.detail])).toEqual([
      [r.lockerId, null],
      [lockerId, null],
    ]);
  });

  it('jammed: needs inspection and a jam incident', async () => {
    h.doors.script(1, { kind: 'jammed' });
    const r = await start();
    expect(r).toMatchObject({ ok: false, error: 'door_jammed', needsInspection: true });
    expect(h.store.incidents.listOpen().map((i) => [i.kind, i.lockerId])).toEqual([['door_jammed', 1]]);
  });

  it('already open: needs inspection', async () => {
    h.doors.script(1, { kind: 'already_open' });
    const r = await start();
    expect(r).toMatchObject({ ok: false, error: 'under_inspection', needsInspection: true });
    expect(h.store.dossiers.get(r.dossierId!)!.state).toBe('needs_inspection');
    // The door stays taken until a technician settles it.
    expect((await deposit(h)).lockerId).toBe(2);
  });

  it('a door left open past the timeout raises an incident and needs inspection', async () => {
    const r = await start();
    h.now.ms += 59_000;
    expect(h.ledger.sweepOpenDoors()).toBe(0);
    h.now.ms += 2_000;
    const waiting = h.ledger.awaitClose(r.operationId);
    expect(h.ledger.sweepOpenDoors()).toBe(1);
    expect(await waiting).toMatchObject({
      outcome: 'open_timeout',
      needsInspection: true,
      state: 'needs_inspection',
    });
    expect(h.store.incidents.listOpen().map((i) => i.kind)).toEqual(['door_left_open']);
    // A late close changes nothing.
    h.doors.close(r.lockerId);
    expect(h.store.dossiers.get(r.dossierId!)!.state).toBe('needs_inspection');
  });

  it('without a presence sensor a close cannot be confirmed: needs inspection', async () => {
    h.dispose();
    h = makeHarness({ presenceSensor: false });
    const r = await start();
    h.doors.close(r.lockerId);
    expect(await h.ledger.awaitClose(r.operationId)).toMatchObject({
      outcome: 'closed_unknown',
      needsInspection: true,
      state: 'needs_inspection',
    });
  });

  it('a door that opens on its own raises an incident and its dossier needs inspection', async () => {
    const { dossierId, lockerId } = await deposit(h);
    h.doors.forceOpen(lockerId);
    expect(h.store.dossiers.get(dossierId)!.state).toBe('needs_inspection');
    expect(h.store.incidents.listOpen().map((i) => i.kind)).toEqual(['uncommanded_open']);
  });
});
