import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/http/errors';
import { expectRefusal } from './expect';
import { type Deposited, dropOff, loadResult } from './flows';
import { kioskPerTest, until } from './harness';

const startKiosk = kioskPerTest();

const DAY_MS = 86_400_000;

/** One kiosk with a dossier in every state a door is opened for, each in its own door. */
async function kioskWithEveryDoorToOpen() {
  const k = await startKiosk();
  const toCollect = await dropOff(k);
  const atCounter = await dropOff(k);
  const collect = await k.ledger.collection.open(atCounter.dossierId, 'staff1');
  k.sim.takeItem(0, k.channel(collect.lockerId));
  k.sim.closeDoor(0, k.channel(collect.lockerId));
  await k.ledger.awaitClose(collect.operationId);
  const toPickUp = await dropOff(k);
  const pickupDoor = await loadResult(k, toPickUp.dossierId);
  const toReclaim = await dropOff(k, { procedureCode: 'LAND', name: 'Lê Văn Cường', phone: '0987654321' });
  const reclaimDoor = await loadResult(k, toReclaim.dossierId);
  k.now.ms += 15 * DAY_MS; // past the reclaim delay
  const staff = await k.signIn('staff');
  const tech = await k.signIn('technician');
  return { k, staff, tech, toCollect, atCounter, toPickUp, pickupDoor, toReclaim, reclaimDoor };
}

type Setup = Awaited<ReturnType<typeof kioskWithEveryDoorToOpen>>;

/** Every path that opens a door for a known dossier. */
function doorPaths(s: Setup) {
  const post = (url: string, headers?: { authorization: string }, payload?: object) =>
    s.k.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload ? { payload } : {}),
    });
  const id = (d: Deposited) => d.dossierId;
  return [
    {
      name: 'citizen pickup',
      call: () => post('/pickups', undefined, { qr: s.toPickUp.receipt.qrPayload }),
    },
    {
      name: 'staff collect',
      call: () => post(`/staff/dossiers/${id(s.toCollect)}/collect`, s.staff),
    },
    { name: 'staff load', call: () => post(`/staff/dossiers/${id(s.atCounter)}/load`, s.staff) },
    {
      name: 'staff reclaim',
      call: () => post(`/staff/dossiers/${id(s.toReclaim)}/reclaim`, s.staff),
    },
    {
      name: 'technician open',
      call: () => post(`/tech/lockers/${s.toCollect.door}/open`, s.tech, { reason: 'kiểm tra' }),
    },
  ];
}

const statesOf = (s: Setup) =>
  [s.toCollect, s.atCounter, s.toPickUp, s.toReclaim].map((d) => s.k.store.dossiers.get(d.dossierId)!.state);

describe('every door-opening path, refused by the hardware', { timeout: 60_000 }, () => {
  it('a jammed lock: door_jammed on each path; a dossier stays or goes to inspection, never on', async () => {
    const s = await kioskWithEveryDoorToOpen();
    const before = statesOf(s);
    for (let channel = 0; channel < 6; channel++) s.k.sim.jam(0, channel);
    const codes: Record<string, ErrorCode> = {};
    for (const path of doorPaths(s)) {
      const res = await path.call();
      codes[path.name] = res.json().error?.code;
      expectRefusal(res, 409, 'door_jammed');
    }
    expect(Object.keys(codes)).toHaveLength(5);
    // A jam is a lock that did not release: nothing left a door, so no dossier moved on.
    for (const [i, state] of statesOf(s).entries()) expect([before[i], 'needs_inspection']).toContain(state);
    expect(statesOf(s)[0]).not.toBe('collecting');
  });

  it('the link down: link_down on each path, and no lock fires', async () => {
    const s = await kioskWithEveryDoorToOpen();
    const before = statesOf(s);
    const fires = s.k.sim.fires.length;
    s.k.cutLink(true);
    await until(() => s.k.link.state !== 'ready', 'the link down');
    for (const path of doorPaths(s)) expectRefusal(await path.call(), 503, 'link_down');
    expect(s.k.sim.fires.length).toBe(fires);
    expect(s.k.store.doorOperations.listUnsettled()).toEqual([]);
    // The citizen and staff paths move nothing. A technician's open marks the door's dossier for
    // inspection when it is asked for (recorded before the command, so a crash cannot hide it):
    // the ledger stays on the safe side even though this command never left.
    expect(statesOf(s)).toEqual(['needs_inspection', ...before.slice(1)]);
  });

  it('loading a result with no free door of its size is refused as no_free_door, and it stays at the counter', async () => {
    const k = await startKiosk();
    const staff = await k.signIn('staff');
    // The two medium doors both hold a land dossier; a third is at the counter with its result.
    const land = { procedureCode: 'LAND', name: 'Lê Văn Cường', phone: '0987654321' };
    await dropOff(k, land);
    await dropOff(k, land);
    const third = await dropOff(k, { procedureCode: 'BIG', name: 'Phan Thị Dung', phone: '0911222333' });
    const collect = await k.ledger.collection.open(third.dossierId, 'staff1');
    k.sim.takeItem(0, k.channel(collect.lockerId));
    k.sim.closeDoor(0, k.channel(collect.lockerId));
    await k.ledger.awaitClose(collect.operationId);
    // Its door (the one large door) is taken by someone else meanwhile.
    await dropOff(k, { procedureCode: 'BIG', name: 'Vũ Văn Em', phone: '0933444555' });
    const fires = k.sim.fires.length;
    const res = await k.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${third.dossierId}/load`,
      headers: staff,
    });
    expectRefusal(res, 409, 'no_free_door');
    expect(k.sim.fires.length).toBe(fires);
    expect(k.store.dossiers.get(third.dossierId)!.state).toBe('at_counter');
  });

  it('a drop-off door left open past the timeout: the screen hears needs_inspection, technicians an incident', async () => {
    const k = await startKiosk();
    const start = await k.app.inject({
      method: 'POST',
      url: '/api/v1/dropoffs',
      payload: { procedureCode: 'BIRTH', name: 'Đặng Văn Phúc', phone: '0977888999' },
    });
    expect(start.statusCode, start.body).toBe(201);
    const { ticket, door } = start.json();
    k.now.ms += 121_000; // the door stays open past the two minutes
    expect(k.ledger.sweepOpenDoors()).toBe(1);
    const progress = await k.app.inject({ method: 'GET', url: `/api/v1/dropoffs/${ticket}?waitMs=2000` });
    expect(progress.json()).toMatchObject({ status: 'needs_inspection', door, receipt: null });
    const tech = await k.signIn('technician');
    const incidents = (
      await k.app.inject({ method: 'GET', url: '/api/v1/tech/incidents', headers: tech })
    ).json().incidents;
    expect(incidents).toContainEqual(expect.objectContaining({ kind: 'door_left_open', lockerId: door }));
    const inspections = (
      await k.app.inject({ method: 'GET', url: '/api/v1/tech/inspections', headers: tech })
    ).json().items;
    expect(inspections).toEqual([expect.objectContaining({ inspectedFrom: 'reserved' })]);
  });
});
