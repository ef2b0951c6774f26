import { afterEach, describe, expect, it } from 'vitest';
import { createLink, type LinkEvent, type LockerLink } from '../../../firmware-bridge';
import { DoorBook } from '../../../firmware-bridge/driver/door-book';
import { FAST } from '../../support/fixtures';
import { FakeLineBoard } from './fake-line-board';
import { ManualClock } from './manual-clock';

/** Simulated time: the heartbeat, timeouts and debounce reads run only as the test advances it. */
let clock = new ManualClock();
const links: LockerLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) await clock.run(link.stop());
});

function lineLink(board: FakeLineBoard): LockerLink {
  clock = new ManualClock();
  board.clock = clock;
  const link = createLink({ transport: () => board.connect(), dialect: 'line', options: FAST, clock });
  links.push(link);
  return link;
}

/** A started link on a fresh line board, with every event it emits. */
async function startedLineLink(): Promise<{ board: FakeLineBoard; link: LockerLink; events: LinkEvent[] }> {
  const board = new FakeLineBoard();
  const link = lineLink(board);
  const events: LinkEvent[] = [];
  link.on('event', (e) => events.push(e));
  await clock.run(link.start());
  return { board, link, events };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = clock.now() + ms;
  while (!check()) {
    if (clock.now() > deadline) throw new Error('condition not reached');
    await clock.advance(5);
  }
}

describe('door readings', () => {
  it('believes a change only after two consecutive equal readings', () => {
    const changes: unknown[] = [];
    const book = new DoorBook(2, (c) => changes.push(c));
    const door = { board: 0, channel: 0 };
    book.observe(door, { open: false, locked: true, present: false });
    book.observe(door, { open: true });
    book.observe(door, { open: false }); // a flicker
    book.observe(door, { open: true });
    expect(changes).toEqual([]);
    book.observe(door, { open: true });
    expect(changes).toEqual([{ door, open: true }]);
    expect(book.get(door)?.open).toBe(true);
  });

  it('confirms a line event with a status read before reporting the door', async () => {
    const { board, link, events } = await startedLineLink();
    const before = board.requests.length;
    board.setDoor(0, 3, true);
    await until(() => events.some((e) => e.type === 'door'));
    expect(board.requests.slice(before).map((r) => r.command)).toContainEqual({ verb: 'STATUS', board: 0 });
    expect(link.snapshot()[0]?.doors[3]?.open).toBe(true);
  });

  it('does not report an event the board status contradicts (a sensor glitch)', async () => {
    const { board, link, events } = await startedLineLink();
    const before = board.requests.length;
    board.event({ event: 'OPENED', board: 0, channel: 1 }); // but the door reads closed
    await until(() => board.requests.length > before);
    await clock.advance(50);
    expect(events.filter((e) => e.type === 'door' || e.type === 'uncommanded_open')).toEqual([]);
    expect(link.snapshot()[0]?.doors[1]?.open).toBe(false);
  });

  it('reads the boards again after a gap in the event counter', async () => {
    const board = new FakeLineBoard();
    const link = lineLink(board);
    await clock.run(link.start());
    board.event({ event: 'FAULT', board: 0, code: 'T1' });
    await clock.advance(20);
    const before = board.requests.length;
    board.sendEvents = false;
    board.event({ event: 'FAULT', board: 0, code: 'LOST' }); // never reaches the host
    board.sendEvents = true;
    board.event({ event: 'FAULT', board: 0, code: 'T2' });
    await until(() => board.requests.slice(before).some((r) => r.command.verb === 'STATUS'));
  });

  it('passes board faults on as link events', async () => {
    const { board, events } = await startedLineLink();
    board.event({ event: 'FAULT', board: 0, code: 'TAMPER' });
    await until(() => events.some((e) => e.type === 'fault'));
    expect(events).toContainEqual({ type: 'fault', board: 0, code: 'TAMPER' });
  });
});
