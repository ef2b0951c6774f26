import { afterEach, describe, expect, it } from 'vitest';
import {
  CU16_PROFILE,
  CU16_REPLY35_PROFILE,
  CU16_UNLOCK_STATUS_PROFILE,
  createLink,
  type KerongProfile,
  type LinkEvent,
  type LinkOptions,
  type LockerLink,
} from '../../../firmware-bridge';
import { FakeKerongBoards, type FakeKerongOptions } from './fake-kerong-board';
import { ManualClock } from './manual-clock';

/**
 * Kerong CU16 boards as the public drivers describe them (fake-kerong-board.ts names the
 * sources), in simulated time: no sleeps, so a loaded machine cannot make these flake.
 */
let clock: ManualClock;
const links: LockerLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) await clock.run(link.stop());
});

async function setUp(
  board: Partial<FakeKerongOptions> = {},
  profile: KerongProfile = CU16_PROFILE,
  boards: number[] = [0],
  options: Partial<LinkOptions> = {},
) {
  clock = new ManualClock();
  const bus = new FakeKerongBoards(clock, { boards: boards.length, ...board });
  const link = createLink({
    transport: () => bus.connect(),
    dialect: 'kerong',
    boards,
    channels: 4,
    kerongProfile: profile,
    clock,
    options: { maxOpensPerMinute: 1000, ...options },
  });
  links.push(link);
  const events: LinkEvent[] = [];
  link.on('event', (e) => events.push(e));
  return { bus, link, events, start: () => clock.run(link.start()) };
}

const door = { board: 0, channel: 1 };
const UNLOCK = 0x31;
const STATUS = 0x30;

describe('a Kerong unlock that gets no reply (kerong-lib README, lkaas-kerong board.rs)', () => {
  it('is judged by a status read after the pulse and settle window, and never resent', async () => {
    const { bus, link, start } = await setUp({ reactionMs: 300, springMs: 400 });
    await start();
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    // 02 01 31 03 37: unlock board 0 lock index 1 (lkaas-kerong command.rs: SUM = n + 0x36).
    expect(bus.requestsWith(UNLOCK)).toEqual(['0201310337']);
    expect(bus.unlocksOf(0, 1)).toBe(1);
    expect(link.stats().openRetries).toBe(0);
    // The verdict came from a read at least the settle window after the unlock went out.
    if (outcome.kind === 'opened') expect(outcome.ackMs).toBeGreaterThanOrEqual(CU16_PROFILE.settleMs);
  });

  it('ends with the door believed open, so a hand that shuts it at once still makes a close event', async () => {
    // Polls far apart (a slow 8A/80 or Modbus bus polls each board about once a second): only
    // the open's own reads can see the door before the hand shuts it.
    const { link, events, start } = await setUp({ reactionMs: 300, springMs: 400 }, CU16_PROFILE, [0], {
      pollIntervalMs: 5000,
    });
    await start();
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    // The debounced picture agrees with the outcome the moment it is given, not a poll turn later.
    expect(link.snapshot()[0]?.doors[1]?.open).toBe(true);
    expect(events).toContainEqual({ type: 'door', door, open: true, commanded: true });
  });

  it('was resent to a door about to spring open when read before the window (the old behaviour, settle 0)', async () => {
    const tooEarly = { ...CU16_UNLOCK_STATUS_PROFILE, settleMs: 0 };
    const { bus, link, start } = await setUp({ reactionMs: 300, springMs: 400 }, tooEarly);
    await start();
    await clock.run(link.open(door));
    expect(bus.unlocksOf(0, 1)).toBe(2);
  });

  it('is not resent even by a profile that expected a status reply: the timeout waits out the settle window', async () => {
    const { bus, link, start } = await setUp({ reactionMs: 600, springMs: 300 }, CU16_UNLOCK_STATUS_PROFILE);
    await start();
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    expect(bus.unlocksOf(0, 1)).toBe(1);
    expect(link.stats().openRetries).toBe(0);
  });

  it('is resent once, and only once, when the read after the window still shows the lock engaged and the door shut', async () => {
    const { bus, link, start } = await setUp();
    bus.locks[0]![1]!.jammed = true;
    await start();
    const outcome = await clock.run(link.open(door));
    expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    expect(bus.unlocksOf(0, 1)).toBe(2);
    expect(link.stats().openRetries).toBe(1);
    // Between the two unlocks, a status read at least a settle window after the first.
    const unlockAt = bus.received.flatMap((hex, i) => (hex.slice(4, 6) === '31' ? [bus.receivedAt[i]!] : []));
    const readBetween = bus.received.some(
      (hex, i) =>
        hex.slice(4, 6) === '30' &&
        bus.receivedAt[i]! >= unlockAt[0]! + CU16_PROFILE.settleMs &&
        bus.receivedAt[i]! < unlockAt[1]!,
    );
    expect(readBetween).toBe(true);
  });

  it('takes the status frame of a board that does answer an unlock as its acknowledgement', async () => {
    const { bus, link, start } = await setUp({ unlockReply: 'status', statusCmd: 0x30 });
    await start();
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    expect(bus.unlocksOf(0, 1)).toBe(1);
  });
});

describe('Kerong status replies as found in the field', () => {
  for (const statusCmd of [0x35, 0x30] as const) {
    it(`are accepted with CMD 0x${statusCmd.toString(16)} on the default profile`, async () => {
      const { link, start } = await setUp({ statusCmd });
      await start();
      expect(link.state).toBe('ready');
      expect((await clock.run(link.readBoard(0))).doors[1]).toEqual({
        locked: true,
        open: false,
        present: false,
      });
    });
  }

  it('read every shut door as open when the hook polarity is the other way (what the probe catches)', async () => {
    const { link, start } = await setUp({ hookBitOneEngaged: false });
    await start();
    const reading = await clock.run(link.readBoard(0));
    expect(reading.doors.every((d) => d.open)).toBe(true);
  });

  it('read shut doors as shut with the kerong-lib profile on a kerong-lib board (0 = locked, CMD 0x35)', async () => {
    const { link, start } = await setUp({ hookBitOneEngaged: false, statusCmd: 0x35 }, CU16_REPLY35_PROFILE);
    await start();
    const reading = await clock.run(link.readBoard(0));
    expect(reading.doors.every((d) => d.locked && !d.open)).toBe(true);
  });
});

describe('bus hygiene on a Kerong bus', () => {
  it('drops our own echo: every command still gets its reply, and nothing is discarded as garbage', async () => {
    const { bus, link, start } = await setUp({ echo: true });
    await start();
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    expect(bus.unlocksOf(0, 1)).toBe(1);
    const stats = link.stats();
    expect(stats.echoBytes).toBeGreaterThan(0);
    expect(stats.discardedBytes).toBe(0);
    expect(stats.timeouts).toBe(0);
  });

  it('marks a dead board offline while the link stays up and the other board opens', async () => {
    const { bus, link, events, start } = await setUp({}, CU16_PROFILE, [0, 1]);
    bus.dead.add(1);
    await start();
    await clock.advance(3000);
    expect(link.state).toBe('ready');
    expect(events).toContainEqual({ type: 'board', board: 1, state: 'offline' });
    expect(events.some((e) => e.type === 'link' && e.state === 'down')).toBe(false);
    expect((await clock.run(link.open(door))).kind).toBe('opened');
    // Offline, board 1 is still polled now and then, but far less than the board that answers.
    const from = bus.received.length;
    await clock.advance(10_000);
    const polls = (addr: string) =>
      bus.received.slice(from).filter((hex) => hex.startsWith(`02${addr}30`)).length;
    expect(polls('10')).toBeGreaterThan(0);
    expect(polls('10') * 4).toBeLessThan(polls('00'));
    bus.dead.delete(1);
    await clock.advance(10_000);
    expect(events).toContainEqual({ type: 'board', board: 1, state: 'online' });
  });

  it('takes the link down when no board answers at all', async () => {
    const { bus, link, events, start } = await setUp({}, CU16_PROFILE, [0]);
    await start();
    bus.dead.add(0);
    await clock.advance(3000);
    expect(events).toContainEqual({ type: 'board', board: 0, state: 'offline' });
    expect(events.some((e) => e.type === 'link' && e.state === 'down')).toBe(true);
    expect(link.state).not.toBe('ready');
  });

  it('never sends a status read of one board to another: replies are checked against the board asked', async () => {
    const { bus, link, start } = await setUp({}, CU16_PROFILE, [0, 1]);
    await start();
    await clock.run(link.readBoard(1));
    const last = bus.received.at(-1)!;
    expect(last).toBe('0210300345'); // 02 10 30 03 SUM: board 1 in the high nibble
    expect(bus.requestsWith(STATUS).length).toBeGreaterThan(0);
  });
});
