import { afterEach, describe, expect, it } from 'vitest';
import { createLink, KERONG_PROFILES, type LockerLink, resolveBoardProfile } from '../../firmware-bridge';
import type { BusConfig } from '../../src/config';
import { simulatorControl } from '../../src/demo/control';
import { type EmbeddedBuses, startEmbeddedBuses } from '../../src/demo/embedded-buses';
import { startDemoHands } from '../../src/demo/hands';
import { until } from '../support/child-process';
import { FAST } from '../support/fixtures';

const BUS: BusConfig = {
  bank: 0,
  name: 'demo',
  dialect: 'line',
  connection: 'embedded',
  boardProfile: null,
  boards: [0, 1],
  channels: 16,
  link: FAST,
};

let buses: EmbeddedBuses | null = null;
let link: LockerLink | null = null;
let stopHands: (() => void) | null = null;
afterEach(async () => {
  stopHands?.();
  await link?.stop();
  await buses?.stop();
  buses = link = stopHands = null;
});

async function connected(): Promise<{ buses: EmbeddedBuses; link: LockerLink }> {
  buses = startEmbeddedBuses([BUS]);
  link = createLink({ transport: buses.transportFor(0), dialect: 'line', boards: BUS.boards, options: FAST });
  await link.start();
  return { buses, link };
}

describe('the demo composition', () => {
  it('simulates each embedded bus with the boards and doors the lockers use', async () => {
    const { buses, link } = await connected();
    const sim = buses.simulators.get(0)!;
    expect(sim.options).toMatchObject({ dialect: 'line', boards: 2, doors: 16 });
    expect((await link.readBoard(1)).doors).toHaveLength(16);
  });

  it('simulates a Kerong bus with the configured board model, polled by the link', async () => {
    buses = startEmbeddedBuses([
      {
        ...BUS,
        dialect: 'kerong',
        boardProfile: resolveBoardProfile('kerong', 'cu16-reply35'),
        boards: [0],
        channels: 12,
      },
    ]);
    const sim = buses.simulators.get(0)!;
    expect(sim.options).toMatchObject({ dialect: 'kerong', boards: 1, doors: 12 });
    expect(sim.options.profile.name).toBe('cu16-reply35');
    link = createLink({
      transport: buses.transportFor(0),
      dialect: 'kerong',
      boards: [0],
      channels: 12,
      kerongProfile: KERONG_PROFILES['cu16-reply35'],
      options: { ...FAST, pollIntervalMs: 20 },
    });
    await link.start();
    expect((await link.readBoard(0)).doors).toHaveLength(12);
  });

  it('simulates 8A/80 and Modbus buses as their profiles say: addresses from 1, polarity, reply header', async () => {
    const eighty = resolveBoardProfile('8a', '8a80', { boardBitLocked: false, locks: 8 });
    const modbus = resolveBoardProfile('modbus', 'waveshare-8ch', { inputOpenWhenSet: true });
    buses = startEmbeddedBuses([
      { ...BUS, dialect: '8a', boardProfile: eighty, boards: [1, 2], channels: 8 },
      { ...BUS, bank: 1, dialect: 'modbus', boardProfile: modbus, boards: [3], channels: 6 },
    ]);
    // Address 2 is the simulator's board 1; unit 3 its board 2 (a board b answers at b + 1).
    expect(buses.simulators.get(0)!.options).toMatchObject({ dialect: '8a', boards: 2, doors: 8 });
    expect(buses.simulators.get(1)!.options).toMatchObject({ dialect: 'modbus', boards: 3, doors: 8 });
    expect([buses.boardIndex(0, 2), buses.boardIndex(1, 3)]).toEqual([1, 2]);
    const control = simulatorControl(
      buses,
      (id) => (id === 1 ? { bank: 0, board: 2, channel: 3 } : { bank: 1, board: 3, channel: 5 }),
      () => {},
    );
    control.forceOpen(1);
    control.forceOpen(2);
    expect(buses.simulators.get(0)!.truth(1, 3).doorOpen).toBe(true);
    expect(buses.simulators.get(1)!.truth(2, 5).doorOpen).toBe(true);
    // The inverted switches read right through the profile: only the forced doors read open.
    const options = { ...FAST, replyTimeoutMs: 200 };
    link = createLink({
      transport: buses.transportFor(0),
      dialect: '8a',
      boards: [1, 2],
      eightyProfile: eighty.profile,
      options,
    });
    await link.start();
    const openOn8a = (await link.readBoard(2)).doors.flatMap((d, c) => (d.open ? [c] : []));
    await link.stop();
    link = createLink({
      transport: buses.transportFor(1),
      dialect: 'modbus',
      boards: [3],
      modbusProfile: modbus.profile,
      options,
    });
    await link.start();
    const openOnModbus = (await link.readBoard(3)).doors.flatMap((d, c) => (d.open ? [c] : []));
    expect([openOn8a, openOnModbus]).toEqual([[3], [5]]);
  });

  it('hands fill an opened empty door and shut it; the next open empties it', async () => {
    const { buses, link } = await connected();
    const sim = buses.simulators.get(0)!;
    // The hands wait long enough for the link to believe the open (debounced), even on a busy machine.
    stopHands = startDemoHands(buses.simulators, 500);
    expect((await link.open({ board: 1, channel: 4 })).kind).toBe('opened');
    await until(() => !sim.truth(1, 4).doorOpen, 'the door shut');
    expect(sim.truth(1, 4).present).toBe(true);
    // The link believes a close after its debounce: open again only once it has.
    const seenClosed = () => link.snapshot().find((b) => b.board === 1)?.doors[4]?.open === false;
    await until(seenClosed, 'the link to see the door shut');
    expect((await link.open({ board: 1, channel: 4 })).kind).toBe('opened');
    await until(() => !sim.truth(1, 4).doorOpen, 'the door shut again');
    expect(sim.truth(1, 4).present).toBe(false);
  });

  it('controls doors by locker id and cuts a cable until it is plugged back', async () => {
    const { buses, link } = await connected();
    const sim = buses.simulators.get(0)!;
    const control = simulatorControl(
      buses,
      (id) => (id === 21 ? { bank: 0, board: 1, channel: 4 } : undefined),
      () => {},
    );
    control.forceOpen(21);
    expect(sim.truth(1, 4).doorOpen).toBe(true);
    control.putItem(21);
    control.closeDoor(21);
    expect(sim.truth(1, 4)).toMatchObject({ doorOpen: false, present: true });
    expect(() => control.closeDoor(99)).toThrow(/locker 99 is not on a simulated bus/);

    control.cutLink(0, true);
    await until(() => link.state === 'down' || link.state === 'connecting', 'the link to notice the cut');
    // While the cable is out, reconnect attempts fail: the link never comes back by itself.
    await new Promise((r) => setTimeout(r, 100));
    expect(link.state).not.toBe('ready');
    control.cutLink(0, false);
    await until(() => link.state === 'ready', 'the link back');
    expect((await link.readBoard(1)).doors[4]).toMatchObject({ open: false, present: true });
  });
});
