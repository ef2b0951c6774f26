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

/** Staff take the dossier and load its result (through the ledger, as the kiosk tests do). */
export { loadResult } from '../kiosk/flows';
