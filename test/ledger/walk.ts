import { expect } from 'vitest';
import type { DropOffRequest, IssuedReceipt } from '../../src/ledger';
import { unsealFromOutbox } from '../../src/ledger';
import { KIOSK_KEY } from '../support/fixtures';
import { CITIZEN_A, type Harness } from './harness';

/** A citizen drops a dossier off: the door opens, the dossier goes in, the door closes. */
export async function deposit(
  h: Harness,
  request: DropOffRequest = CITIZEN_A,
): Promise<{ dossierId: number; lockerId: number; issued: IssuedReceipt }> {
  const opened = await h.ledger.dropOff.start(request);
  expect(opened.ok).toBe(true);
  h.doors.putItem(opened.lockerId);
  h.doors.close(opened.lockerId);
  const closed = await h.ledger.awaitClose(opened.operationId);
  expect(closed.state).toBe('deposited');
  return { dossierId: opened.dossierId!, lockerId: opened.lockerId, issued: closed.issued! };
}

/** Staff take the dossier out of its door. */
export async function collect(h: Harness, dossierId: number): Promise<void> {
  const opened = await h.ledger.collection.open(dossierId, 'st1');
  expect(opened.ok).toBe(true);
  h.doors.takeItem(opened.lockerId);
  h.doors.close(opened.lockerId);
  expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('at_counter');
}

/** Staff load the result; returns the door and the typed code the pickup notice carries. */
export async function load(h: Harness, dossierId: number): Promise<{ lockerId: number; code: string }> {
  const opened = await h.ledger.loading.open(dossierId, 'st1');
  expect(opened.ok).toBe(true);
  h.doors.putItem(opened.lockerId);
  h.doors.close(opened.lockerId);
  expect((await h.ledger.awaitClose(opened.operationId)).state).toBe('ready');
  return { lockerId: opened.lockerId, code: pickupCodeFromOutbox(h, dossierId) };
}

/** What the SMS sender does: finds the pickup notice and unseals its code. */
export function pickupCodeFromOutbox(h: Harness, dossierId: number): string {
  const due = h.store.outbox.due(Number.MAX_SAFE_INTEGER, 1000);
  const notice = due.filter((m) => m.dossierId === dossierId && m.kind === 'result_ready').at(-1);
  if (!notice) throw new Error('no pickup notice queued');
  return unsealFromOutbox(String(notice.payload.sealed), dossierId, KIOSK_KEY);
}

export async function readyDossier(h: Harness, request: DropOffRequest = CITIZEN_A) {
  const dropped = await deposit(h, request);
  await collect(h, dropped.dossierId);
  const loaded = await load(h, dropped.dossierId);
  return { ...dropped, ...loaded };
}
