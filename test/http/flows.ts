import { expect } from 'vitest';
import { CITIZEN, type Kiosk } from './harness';

export interface Deposited {
  ticket: string;
  door: number;
  receipt: { receiptNo: string; qrPayload: string; qrImage: string; appointmentDate: string; door: number };
  dossierId: number;
}

/** A citizen drops a dossier off through the API and the simulated hands. */
export async function dropOff(kiosk: Kiosk, citizen: object = CITIZEN): Promise<Deposited> {
  const { app, sim } = kiosk;
  const start = await app.inject({ method: 'POST', url: '/api/v1/dropoffs', payload: citizen });
  expect(start.statusCode, start.body).toBe(201);
  const { ticket, door } = start.json();
  sim.putItem(0, kiosk.channel(door));
  sim.closeDoor(0, kiosk.channel(door));
  const done = await app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}?waitMs=5000` });
  expect(done.json().status).toBe('deposited');
  const receipt = done.json().receipt;
  const dossierId = kiosk.store.dossiers.getByReceiptNo(receipt.receiptNo)!.id;
  return { ticket, door, receipt, dossierId };
}

/** Staff take the dossier and load its result (through the ledger: not what these tests check). */
export async function loadResult(kiosk: Kiosk, dossierId: number): Promise<number> {
  const { ledger, sim } = kiosk;
  const collect = await ledger.collection.open(dossierId, 'staff1');
  sim.takeItem(0, kiosk.channel(collect.lockerId));
  sim.closeDoor(0, kiosk.channel(collect.lockerId));
  expect((await ledger.awaitClose(collect.operationId)).state).toBe('at_counter');
  const load = await ledger.loading.open(dossierId, 'staff1');
  sim.putItem(0, kiosk.channel(load.lockerId));
  sim.closeDoor(0, kiosk.channel(load.lockerId));
  expect((await ledger.awaitClose(load.operationId)).state).toBe('ready');
  return load.lockerId;
}
