import { expect } from 'vitest';
import { KioskRefusal, type RefusalCode } from '../../src/kiosk';
import { CITIZEN, type KioskRig } from './harness';

export interface DroppedOff {
  ticket: string;
  door: number;
  receipt: { receiptNo: string; qrPayload: string; appointmentDate: string; door: number };
  dossierId: number;
}

/** A citizen drops a dossier off through the drop-off service and the simulated hands. */
export async function dropOff(rig: KioskRig, citizen = CITIZEN): Promise<DroppedOff> {
  const { kiosk, sim } = rig;
  const { ticket, door } = await kiosk.dropOffs.start(citizen);
  sim.putItem(0, rig.channel(door));
  sim.closeDoor(0, rig.channel(door));
  const done = await kiosk.dropOffs.progress(ticket, 5000);
  expect(done.status).toBe('deposited');
  const receipt = done.receipt!;
  const dossierId = rig.store.dossiers.getByReceiptNo(receipt.receiptNo)!.id;
  return { ticket, door, receipt, dossierId };
}

/** Staff take the dossier and load its result (through the ledger: not what these tests check). */
export async function loadResult(rig: Pick<KioskRig, 'ledger' | 'sim' | 'channel'>, dossierId: number) {
  const { ledger, sim } = rig;
  const collect = await ledger.collection.open(dossierId, 'staff1');
  sim.takeItem(0, rig.channel(collect.lockerId));
  sim.closeDoor(0, rig.channel(collect.lockerId));
  expect((await ledger.awaitClose(collect.operationId)).state).toBe('at_counter');
  const load = await ledger.loading.open(dossierId, 'staff1');
  sim.putItem(0, rig.channel(load.lockerId));
  sim.closeDoor(0, rig.channel(load.lockerId));
  expect((await ledger.awaitClose(load.operationId)).state).toBe('ready');
  return load.lockerId;
}

/** The refusal code a call is refused with (sync or async); fails when it is not refused. */
export async function refusalOf(call: () => unknown): Promise<RefusalCode> {
  try {
    await call();
  } catch (error) {
    if (error instanceof KioskRefusal) return error.code;
    if (error instanceof Error && 'code' in error) return error.code as RefusalCode;
    throw error;
  }
  throw new Error('expected a refusal, the call went through');
}
