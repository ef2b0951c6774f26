import { setTimeout as sleep } from 'node:timers/promises';
import type { KioskApi, Reply } from './api';
import type { KioskRig } from './rig';

export interface Citizen {
  procedureCode: string;
  name: string;
  phone: string;
}

export interface Receipt {
  receiptNo: string;
  receiptDisplay: string;
  appointmentDate: string;
  qrPayload: string;
  qrImage: string;
  door: number;
}

export interface DroppedOff {
  ticket: string;
  door: number;
  receipt: Receipt;
  dossierId: number;
}

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${reply.text}`);
}

/** A citizen drops a dossier off: the door opens at the board, the dossier goes in, it is shut. */
export async function dropOff(
  rig: KioskRig,
  kiosk: KioskApi,
  staff: KioskApi,
  who: Citizen,
): Promise<DroppedOff> {
  const start = await kiosk.call<{ ticket: string; door: number }>('POST', '/dropoffs', who);
  expectStatus(start, 201, 'drop-off');
  const { ticket, door } = start.body;
  await rig.fillAndShut(door);
  const done = await kiosk.call<{ status: string; receipt: Receipt | null }>(
    'GET',
    `/dropoffs/${ticket}?waitMs=10000`,
  );
  if (done.body.status !== 'deposited' || !done.body.receipt) throw new Error(`not deposited: ${done.text}`);
  const receipt = done.body.receipt;
  const deposited = await staff.call<{ items: { dossierId: number; receiptNo: string }[] }>(
    'GET',
    '/staff/deposited',
  );
  const item = deposited.body.items.find((i) => i.receiptNo === receipt.receiptNo);
  if (!item) throw new Error(`receipt ${receipt.receiptNo} not among the deposited: ${deposited.text}`);
  return { ticket, door, receipt, dossierId: item.dossierId };
}

/** Staff open the dossier's door, take it out, shut the door and confirm it with a one-stop code. */
export async function collect(
  rig: KioskRig,
  staff: KioskApi,
  tech: KioskApi,
  dossierId: number,
  externalCode: string,
): Promise<number> {
  const opened = await staff.call<{ operationId: number; door: number }>(
    'POST',
    `/staff/dossiers/${dossierId}/collect`,
  );
  expectStatus(opened, 200, 'collect');
  const { door, operationId } = opened.body;
  await rig.emptyAndShut(door);
  await tech.settled(door, operationId);
  const confirmed = await staff.call('POST', `/staff/dossiers/${dossierId}/collected`, { externalCode });
  expectStatus(confirmed, 200, 'confirm collected');
  return door;
}

/** Staff load the result: a door opens, the result goes in, the door is shut; the dossier is ready. */
export async function loadResult(
  rig: KioskRig,
  staff: KioskApi,
  tech: KioskApi,
  dossierId: number,
): Promise<number> {
  const opened = await staff.call<{ operationId: number; door: number }>(
    'POST',
    `/staff/dossiers/${dossierId}/load`,
  );
  expectStatus(opened, 200, 'load');
  const { door, operationId } = opened.body;
  await rig.fillAndShut(door);
  await tech.settled(door, operationId);
  return door;
}

/** Waits for the next door fire at the simulator after `seen` fires. */
export async function nextFire(rig: KioskRig, seen: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (rig.sim.fires.length <= seen) {
    if (Date.now() > deadline) throw new Error('no door fired at the simulator');
    await sleep(5);
  }
  return rig.sim.fires[seen]!;
}
