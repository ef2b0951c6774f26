import { describe, expect, it } from 'vitest';
import { busPerTest } from './byte-host';

/**
 * Golden frames of Modbus RTU relay + input boards, from public sources:
 * - the Waveshare wiki "Modbus RTU Relay" (development protocol) as quoted in the shared
 *   reference hardware.md and in nobrega8/mbmap-library maps/waveshare/modbus-rtu-relay.mbmap.json:
 *   relay 1 on `01 05 00 00 FF 00 8C 3A`; flash on relay 1 for 700 ms `01 05 02 00 00 07 8D B0`
 *   (value = time in 100 ms units), relay 2 for 800 ms `01 05 02 01 00 08 9C 74`; read coils
 *   `01 01 00 00 00 08 3D CC` -> `01 01 01 00 51 88` (all relays off); read inputs
 *   `01 02 00 00 00 08 79 CC`; coil 0x00FF = every relay; unit 0 is a broadcast;
 * - a relay + optocoupler board read in artisan-roaster-scope/artisan discussion 634:
 *   `FF 02 00 00 00 08 6C 12` -> `FF 02 01 01 51 A0` (unit 255: here CRCs are checked only).
 * Exception replies (function | 0x80, code) follow the Modbus application protocol.
 */
const start = busPerTest('modbus');

describe('Modbus relay + input boards', () => {
  it('read the coils as the wiki shows: all off', async () => {
    const b = await start();
    await b.send('01 01 00 00 00 08 3d cc');
    expect(b.take()).toBe('01 01 01 00 51 88');
  });

  it('time a flash-on pulse themselves: relay on for 700 ms, the door unlocked and sprung', async () => {
    const b = await start();
    await b.send('01 05 02 00 00 07 8d b0');
    expect(b.take()).toBe('01 05 02 00 00 07 8d b0'); // FC05 answers with an echo
    expect(b.sim.fires.map((f) => [f.board, f.channel])).toEqual([[0, 0]]);
    expect(b.sim.truth(0, 0)).toMatchObject({ locked: false, doorOpen: true });
    await b.send('01 01 00 00 00 08 3d cc');
    expect(b.take()).toBe('01 01 01 01 90 48'); // relay 1 still on
    await b.advance(700);
    await b.send('01 01 00 00 00 08 3d cc');
    expect(b.take()).toBe('01 01 01 00 51 88'); // and off again after 7 x 100 ms
    expect(b.sim.fires).toHaveLength(1);
  });

  it('switch a relay on with FF00 and read the door inputs (on = shut, normal polarity)', async () => {
    const b = await start();
    await b.send('01 02 00 00 00 08 79 cc');
    expect(b.take()).toBe('01 02 01 ff e1 c8');
    await b.send('01 05 00 00 ff 00 8c 3a');
    expect(b.take()).toBe('01 05 00 00 ff 00 8c 3a');
    await b.send('01 02 00 00 00 08 79 cc');
    expect(b.take()).toBe(`01 02 01 fe ${crcOf('01 02 01 fe')}`); // door 1 open: its input off
  });

  it('answer a bad function with exception 01 and a bad coil with exception 02', async () => {
    const b = await start();
    await b.send(`01 03 00 00 00 01 ${crcOf('01 03 00 00 00 01')}`);
    expect(b.take()).toBe(`01 83 01 ${crcOf('01 83 01')}`);
    await b.send(`01 05 00 09 ff 00 ${crcOf('01 05 00 09 ff 00')}`);
    expect(b.take()).toBe(`01 85 02 ${crcOf('01 85 02')}`);
  });

  it('never execute unit 0, coil 0x00FF or FC0F: no relay, no lock, a warning each', async () => {
    const b = await start();
    await b.send(`00 05 00 00 ff 00 ${crcOf('00 05 00 00 ff 00')}`);
    await b.send(`01 05 00 ff ff 00 ${crcOf('01 05 00 ff ff 00')}`);
    await b.send(`01 0f 00 00 00 08 01 ff ${crcOf('01 0f 00 00 00 08 01 ff')}`);
    expect(b.take()).toBe(`01 85 02 ${crcOf('01 85 02')} 01 8f 01 ${crcOf('01 8f 01')}`);
    expect(b.sim.fires).toEqual([]);
    for (let ch = 0; ch < 8; ch++)
      expect(b.sim.truth(0, ch)).toMatchObject({ locked: true, doorOpen: false });
    expect(b.warnings()).toHaveLength(3);
  });

  it('check the CRC of a published frame from another board family', () => {
    expect(crcOf('ff 02 00 00 00 08')).toBe('6c 12');
    expect(crcOf('ff 02 01 01')).toBe('51 a0');
  });
});

/** CRC-16/MODBUS written out again here, so the test does not trust the simulator's own. */
function crcOf(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text.replace(/\s+/g, ''), 'hex')) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return [crc & 0xff, crc >>> 8].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
