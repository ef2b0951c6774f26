import { afterEach, describe, expect, it } from 'vitest';
import { KERONG_BOARDS } from '../../hardware-sim/simulator';
import { byteBus, hex } from './byte-host';

/**
 * Golden frames of the Kerong CU16, from public sources only:
 * - shared reference hardware.md (vendor notes): `02 00 30 03 35` status of board 0,
 *   `02 00 31 03 36` unlock board 0 lock index 0... and `02 15 31 03 4B` unlock board 1 lock index 5;
 * - suryavirkapur/kerong-lib README.md (protocol table: unlock 0x31 -> no response, get state 0x30
 *   -> 0x35, 9 bytes, lock bits 0 = locked, IR bits 1 = item) and src/kerong_client.cpp +
 *   include/kerong/kerong_client.hpp: get_state
 *   sends `02 (board<<4) 30 03 SUM` and reads 9 bytes, requiring resp[1] = the address asked,
 *   resp[2] = RESP_STATE 0x35, resp[7] = 03, resp[8] = the sum; is_locked(i) = hook bit i == 0,
 *   is_item_detected(i) = infrared bit i == 1; unlock() sends `02 ADDR 31 03 SUM` and reads nothing;
 * - julio-alv/lkaas-kerong src/kerong/command.rs (unlock_one(n) = `02 n 31 03 n+36`, query_all =
 *   `02 00 32 03 37`), status.rs (latch bytes 3-4 little-endian, latch 1 = closed; infrared
 *   bytes 5-6, 1 = loaded), board.rs (open() writes and reads nothing back).
 */
let bus: Awaited<ReturnType<typeof byteBus>> | null = null;
afterEach(async () => {
  await bus?.stop();
  bus = null;
});

/** Boards as kerong-lib expects them: reply 0x35, nothing after an unlock, hook bit 0 = locked. */
async function kerongLib(boards = 2) {
  bus = await byteBus({
    dialect: 'kerong',
    boards,
    doors: 16,
    baud: 'instant',
    wire: KERONG_BOARDS['kerong-lib'],
  });
  return bus;
}

describe('Kerong CU16 boards, against kerong-lib', () => {
  it('answer a status read with the 9-byte 0x35 frame kerong-lib accepts', async () => {
    const b = await kerongLib();
    await b.send('02 00 30 03 35');
    // Every lock shut (hook bit 0 = locked for kerong-lib), every locker empty.
    expect(b.take()).toBe('02 00 35 00 00 00 00 03 3a');
  });

  it('answer an unlock with nothing, fire that lock, and show it released on the next read', async () => {
    const b = await kerongLib();
    await b.send('02 15 31 03 4b'); // board 1, lock index 5
    expect(b.take()).toBe('');
    expect(b.sim.fires.map((f) => [f.board, f.channel])).toEqual([[1, 5]]);
    expect(b.sim.truth(1, 5)).toMatchObject({ locked: false, doorOpen: true });
    await b.send('02 10 30 03 45');
    // Lock index 5 released: bit 5 set (kerong-lib: not locked); the frame names board 1 (0x10).
    expect(b.take()).toBe('02 10 35 20 00 00 00 03 6a');
  });

  it('report an item by its infrared bit (1 = present)', async () => {
    const b = await kerongLib();
    b.sim.forceOpen(0, 9);
    b.sim.putItem(0, 9);
    b.sim.closeDoor(0, 9);
    await b.send('02 00 30 03 35');
    expect(b.take()).toBe('02 00 35 00 00 00 02 03 3c');
  });
});

describe('Kerong CU16 boards, against lkaas-kerong', () => {
  it('answer query-all of board 0 with latch bit 1 = closed (normal polarity)', async () => {
    bus = await byteBus({
      dialect: 'kerong',
      boards: 1,
      doors: 16,
      baud: 'instant',
      wire: KERONG_BOARDS['lkaas-kerong'],
    });
    await bus.send('02 00 32 03 37');
    expect(bus.take()).toBe('02 00 32 ff ff 00 00 03 35');
    await bus.send('02 03 31 03 39'); // unlock_one(3): n + 0x36 = 0x39
    expect(bus.take()).toBe('');
    await bus.send('02 00 32 03 37');
    expect(bus.take()).toBe('02 00 32 f7 ff 00 00 03 2d'); // lock 3 no longer closed
  });
});

describe('Kerong CU16 boards, the knobs', () => {
  it('answer as the field does by default: 0x35 status, nothing after an unlock, hook bit 1 = locked', async () => {
    bus = await byteBus({ dialect: 'kerong', boards: 1, doors: 16, baud: 'instant' });
    await bus.send('02 00 30 03 35');
    expect(bus.take()).toBe('02 00 35 ff ff 00 00 03 38');
    await bus.send('02 00 31 03 36');
    expect(bus.take()).toBe('');
    expect(bus.sim.fires.map((f) => [f.board, f.channel])).toEqual([[0, 0]]);
    await bus.send('02 00 30 03 35');
    expect(bus.take()).toBe('02 00 35 fe ff 00 00 03 37'); // lock index 0 released
  });

  it('echo the request command and answer an unlock with the status as the echo board', async () => {
    bus = await byteBus({
      dialect: 'kerong',
      boards: 1,
      doors: 16,
      baud: 'instant',
      wire: KERONG_BOARDS.echo,
    });
    await bus.send('02 00 30 03 35');
    expect(bus.take()).toBe('02 00 30 ff ff 00 00 03 33');
    await bus.send('02 00 31 03 36');
    expect(bus.take()).toBe('02 00 31 fe ff 00 00 03 33');
  });

  it('follow a driver profile given as options (0x35 replies, hook active low)', async () => {
    bus = await byteBus({
      dialect: 'kerong',
      boards: 1,
      doors: 16,
      baud: 'instant',
      profile: { name: 'cu16-reply35', replyCommand: { 48: 0x35 }, status: { hookActiveHigh: false } },
    });
    await bus.send('02 00 31 03 36');
    expect(bus.take()).toBe(''); // the profile has no reply to 0x31
    await bus.send('02 00 30 03 35');
    expect(bus.take()).toBe('02 00 35 01 00 00 00 03 3b');
  });

  it('stay silent for an address with no board, and for a frame with a bad sum', async () => {
    const b = await kerongLib(1);
    await b.send('02 50 30 03 85'); // board 5: not on this bus
    await b.send('02 00 30 03 36'); // bad sum
    expect(b.take()).toBe('');
    expect(b.events.some((e) => e.type === 'rx' && !e.accepted && e.reason === 'bad sum')).toBe(true);
  });

  it('never execute unlock-all (0x33) or the F0 broadcast: no lock fires, a warning is logged', async () => {
    const b = await kerongLib(1);
    await b.send('02 00 33 03 38');
    await b.send('02 f0 31 03 26');
    await b.send('02 f0 33 03 28');
    expect(b.take()).toBe('');
    expect(b.sim.fires).toEqual([]);
    for (let ch = 0; ch < 16; ch++)
      expect(b.sim.truth(0, ch)).toMatchObject({ locked: true, doorOpen: false });
    expect(b.warnings()).toHaveLength(3);
    expect(b.warnings()[0]).toMatch(/BULK OPEN refused/);
  });

  it('log every request as the raw bytes received, unlock-all and boards past 9 included', async () => {
    // Built by hand from the public frame (hardware.md: 02 ADDR CMD 03 SUM); the driver's own
    // encoder refuses both, and the boards never re-encode what they receive.
    const b = await kerongLib(1);
    await b.send('02 00 33 03 38'); // unlock-all, board 0
    await b.send('02 a0 30 03 d5'); // status of board 10: no such board on a Kerong bus
    const received = b.events.flatMap((e) => (e.type === 'rx' ? [hex(e.bytes)] : []));
    expect(received).toEqual(['02 00 33 03 38', '02 a0 30 03 d5']);
    expect(b.take()).toBe('');
    expect(b.sim.fires).toEqual([]);
  });

  it('find a frame after garbage and across any chunking', async () => {
    const b = await kerongLib(1);
    await b.send('ff 02 13');
    await b.send('00 30');
    await b.send('02 00 30');
    await b.send('03 35');
    expect(b.take()).toBe('02 00 35 00 00 00 00 03 3a');
  });
});
