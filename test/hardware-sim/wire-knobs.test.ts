import { afterEach, describe, expect, it } from 'vitest';
import { byteBus } from './byte-host';

/**
 * Each wire and board knob does what it says, on frames from the public sources (see
 * kerong-responder.test.ts, lock8a-responder.test.ts and modbus-responder.test.ts for where
 * each frame comes from). The clock is manual: no test sleeps.
 */
let bus: Awaited<ReturnType<typeof byteBus>> | null = null;
afterEach(async () => {
  await bus?.stop();
  bus = null;
});

const STATUS_0 = '02 00 30 03 35'; // Kerong: status of board 0 (hardware.md, kerong-lib)
const STATUS_1 = '02 10 30 03 45'; // Kerong: status of board 1
const REPLY_0 = '02 00 35 00 00 00 00 03 3a'; // kerong-lib's view of board 0, every lock shut
const REPLY_1 = '02 10 35 00 00 00 00 03 4a';

async function kerong(wire = {}, baud: number | 'instant' = 'instant') {
  bus = await byteBus({
    dialect: 'kerong',
    boards: 2,
    doors: 16,
    baud,
    wire: { kerongReply: '35', silentUnlocks: true, polarity: 'inverted', ...wire },
  });
  return bus;
}

/** One 8-door board of an 8A/80 or Modbus bus, answering at once. */
function eightDoorBoard(dialect: '8a' | 'modbus', wire: Parameters<typeof byteBus>[0]['wire']) {
  return byteBus({ dialect, boards: 1, doors: 8, baud: 'instant', wire });
}

describe('wire knobs', () => {
  it('echo: the host gets its own bytes back first, then the reply', async () => {
    const b = await kerong({ echo: true });
    await b.send(STATUS_0);
    expect(b.take()).toBe(`${STATUS_0} ${REPLY_0}`);
    b.sim.knobs.echo = false;
    await b.send(STATUS_0);
    expect(b.take()).toBe(REPLY_0);
  });

  it('late: a reply leaves only after the set delay', async () => {
    const b = await kerong({ lateMs: 50 });
    await b.send(STATUS_0, 49);
    expect(b.take()).toBe('');
    await b.advance(1);
    expect(b.take()).toBe(REPLY_0);
  });

  it('collisions: a host write over a late reply garbles both, and nothing is executed', async () => {
    // 19200 baud: a 5-byte request takes 2.6 ms, the 9-byte reply 4.7 ms (10 bits a byte).
    const b = await kerong({ collisions: true }, 19200);
    await b.send(STATUS_0, 4); // its reply is on the line from 2.6 ms to 7.3 ms
    await b.send('02 05 31 03 3b', 20); // an unlock, written at 4 ms: the two collide
    expect(b.take()).toBe('ff ff ff ff ff ff ff ff ff');
    expect(b.sim.fires).toEqual([]); // the garbled unlock fired nothing
    expect(b.sim.wireStats.collisions).toBe(1);
  });

  it('collisions off: the same timing gives two clean frames (the directions are independent)', async () => {
    const b = await kerong({}, 19200);
    await b.send(STATUS_0, 4);
    await b.send(STATUS_1, 20);
    expect(b.take()).toBe(`${REPLY_0} ${REPLY_1}`);
  });

  it('silent unlocks: an 8A/80 board fires the lock and never answers', async () => {
    bus = await eightDoorBoard('8a', { silentUnlocks: true });
    await bus.send('8a 01 01 11 9b', 5000);
    expect(bus.take()).toBe('');
    expect(bus.sim.truth(0, 0)).toMatchObject({ locked: false, doorOpen: true });
  });

  it('a dead board stays silent and fires nothing while its neighbour answers', async () => {
    const b = await kerong({ dead: [0] });
    await b.send(STATUS_0);
    await b.send('02 03 31 03 39'); // unlock board 0 lock 3
    expect(b.take()).toBe('');
    expect(b.sim.truth(0, 3)).toMatchObject({ locked: true, doorOpen: false });
    await b.send(STATUS_1);
    expect(b.take()).toBe(REPLY_1);
    b.sim.knobs.setDead(0, false);
    await b.send(STATUS_0);
    expect(b.take()).toBe(REPLY_0);
  });

  it('a busy board ignores requests for the set time, then answers again', async () => {
    const b = await kerong({ busy: { 1: 500 } });
    await b.send(STATUS_1, 499);
    await b.send(STATUS_0);
    expect(b.take()).toBe(REPLY_0);
    await b.advance(1);
    await b.send(STATUS_1);
    expect(b.take()).toBe(REPLY_1);
  });

  it('polarity per board: the same shut locks read as set bits on one board, clear on the other', async () => {
    const b = await kerong({ polarity: { 0: 'inverted', 1: 'normal' } });
    await b.send(STATUS_0);
    await b.send(STATUS_1);
    expect(b.take()).toBe(`${REPLY_0} 02 10 35 ff ff 00 00 03 48`);
  });

  it('polarity of an 8A/80 board and of a Modbus board input', async () => {
    bus = await eightDoorBoard('8a', { polarity: 'inverted' });
    await bus.send('80 01 00 33 b2');
    expect(bus.take()).toBe('80 01 00 00 00 00 33 b2');
    await bus.stop();
    bus = await eightDoorBoard('modbus', { polarity: 'inverted' });
    await bus.send('01 02 00 00 00 08 79 cc');
    expect(bus.take()).toBe('01 02 01 00 a1 88');
  });

  it('kerong reply variants switch at run time', async () => {
    const b = await kerong();
    b.sim.knobs.kerongReply = 'echo';
    await b.send(STATUS_0);
    expect(b.take()).toBe('02 00 30 00 00 00 00 03 35');
  });

  it('bad knob settings are refused with the field named, and change nothing', () => {
    expect(() =>
      byteBus({ dialect: 'kerong', boards: 1, doors: 4, baud: 'instant', wire: { dead: [3] } }),
    ).rejects.toThrow(/dead: 3 is not a board index in 0\.\.0/);
    return expect(
      byteBus({ dialect: 'kerong', boards: 1, doors: 4, baud: 'instant', wire: { lateMs: -1 } }),
    ).rejects.toThrow(/lateMs/);
  });
});

describe('expectHostFrame', () => {
  it('resolves with the frame the host sent that matches', async () => {
    const b = await kerong();
    const unlock = b.sim.expectHostFrame(1000, (f) => f.bytes[2] === 0x31);
    await b.send(STATUS_0);
    await b.send('02 15 31 03 4b');
    const frame = await unlock;
    expect(frame.text).toBe('unlock board 1 lock 5');
    expect(frame.bytes.toString('hex')).toBe('021531034b');
  });

  it('rejects when the clock passes the timeout without a match', async () => {
    const b = await kerong();
    const never = expect(b.sim.expectHostFrame(100, (f) => f.bytes[2] === 0x31)).rejects.toThrow(
      /no matching frame within 100 ms/,
    );
    await b.send(STATUS_0, 100);
    await never;
  });

  it('rejects a wait still open when the simulator stops, and one whose predicate throws', async () => {
    const b = await kerong();
    const throwing = expect(
      b.sim.expectHostFrame(1000, () => {
        throw new Error('bad predicate');
      }),
    ).rejects.toThrow(/bad predicate/);
    await b.send(STATUS_0);
    await throwing;
    const pending = expect(b.sim.expectHostFrame(1000)).rejects.toThrow(/stopped/);
    await b.stop();
    await pending;
  });
});
