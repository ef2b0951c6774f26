import { describe, expect, it } from 'vitest';
import { busPerTest } from './byte-host';

/**
 * Golden frames of the generic "8A/80" boards, from the vendor manual as DigitalPlatform/dp2
 * quotes it in WjlLockDriver.cs (comments above BuildQueryCardMessage, BuildOpenLockMessage and
 * BuildGetLockStateMessage), and the shared reference hardware.md:
 * - unlock board 1 lock 1 `8A 01 01 11 9B`, answered `80 01 01 11 91` (lock open) or
 *   `80 01 01 00 80` (lock shut), about 1 s later ("the lock needs 1 s to open");
 * - query one `80 01 01 33 B3` -> `80 01 01 11 91` / `80 01 01 00 80`;
 * - query all `80 01 00 33 B2` -> `80 01 FF FF FF FF 33 B2` (every lock shut: "1 = closed");
 * - address discovery `80 01 00 99 18` -> `80 01 01 99 19` for the board at address 1.
 */
const start = busPerTest('8a');

describe('8A/80 boards', () => {
  it('answer query-all with every lock shut as dp2 shows it', async () => {
    const b = await start();
    await b.send('80 01 00 33 b2');
    expect(b.take()).toBe('80 01 ff ff ff ff 33 b2');
  });

  it('answer an unlock about 1 s later (the default), with the lock then open', async () => {
    const b = await start({ unlockReplyHeader: 0x80, polarity: 'inverted' });
    await b.send('8a 01 01 11 9b');
    expect(b.sim.fires.map((f) => [f.board, f.channel])).toEqual([[0, 0]]);
    await b.advance(999);
    expect(b.take()).toBe('');
    await b.advance(1);
    // dp2's example "80 01 01 11 91 (lock open)": header 80, 11 = open for that wiring.
    expect(b.take()).toBe('80 01 01 11 91');
  });

  it('use the 8A header and 00 = open by default, and a configurable reply delay', async () => {
    const b = await start({ unlockReplyMs: 200 });
    await b.send('8a 01 02 11 98', 200);
    expect(b.take()).toBe('8a 01 02 00 89');
    await b.send('80 01 02 33 b0');
    expect(b.take()).toBe('80 01 02 00 83'); // lock 2 open: 00 with the normal polarity
    await b.send('80 01 01 33 b3');
    expect(b.take()).toBe('80 01 01 11 91');
  });

  it('tell its address to a discovery on a bus with one board', async () => {
    const b = await start();
    await b.send('80 01 00 99 18');
    expect(b.take()).toBe('80 01 01 99 19');
  });

  it('never execute an unlock of lock 00 (every lock): nothing fires, a warning is logged', async () => {
    const b = await start();
    await b.send('8a 01 00 11 9a', 2000);
    expect(b.take()).toBe('');
    expect(b.sim.fires).toEqual([]);
    for (let ch = 0; ch < 8; ch++)
      expect(b.sim.truth(0, ch)).toMatchObject({ locked: true, doorOpen: false });
    expect(b.warnings().join('\n')).toMatch(/BULK OPEN refused/);
  });

  it('ignore a frame with a bad XOR, then read the next good one', async () => {
    const b = await start();
    await b.send('80 01 00 33 b3 80 01 00 33 b2');
    expect(b.take()).toBe('80 01 ff ff ff ff 33 b2');
  });
});
