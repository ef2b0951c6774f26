import { afterEach, describe, expect, it } from 'vitest';
import { createLink, type LinkEvent, type LockerLink } from '../../../firmware-bridge';
import { FAST } from '../../support/fixtures';
import { FakeLineBoard } from './fake-line-board';
import { ManualClock } from './manual-clock';

/** Simulated time: timeouts, the jam window and polling run only as the test advances it. */
let clock: ManualClock;
const links: LockerLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) await clock.run(link.stop());
});

async function ready(board: FakeLineBoard, options = FAST): Promise<LockerLink> {
  clock = new ManualClock();
  board.clock = clock;
  const link = createLink({ transport: () => board.connect(), dialect: 'line', options, clock });
  links.push(link);
  await clock.run(link.start());
  return link;
}

const door = { board: 0, channel: 2 };
const opensOf = (board: FakeLineBoard) => board.requests.filter((r) => r.command.verb === 'OPEN');
const verbs = (board: FakeLineBoard) => board.requests.map((r) => r.command.verb);

describe('opening a door (line dialect, scripted board)', () => {
  it('reports opened once the door is seen open, with the command round trip', async () => {
    const board = new FakeLineBoard();
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    // In simulated time the scripted board answers at once; its door swings openAfterMs later.
    if (outcome.kind === 'opened') {
      expect(outcome.ackMs).toBe(0);
      expect(outcome.seenOpenMs).toBeGreaterThanOrEqual(board.openAfterMs);
    }
    expect(board.firesAt(0, 2)).toBe(1);
    expect(link.stats()).toMatchObject({ opensSent: 1, openRetries: 0 });
    expect(board.audit.repeats).toBe(0);
  });

  it('fires a door that already reads open (a cut sensor cable reads open) and says so', async () => {
    const board = new FakeLineBoard();
    board.doors[0]![2]!.doorOpen = true;
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('already_open');
    expect(board.firesAt(0, 2)).toBe(1);
  });

  it('after a lost acknowledgement, reads the board and finds the door open: opened, not resent', async () => {
    const board = new FakeLineBoard();
    board.script = (r) => (r.command.verb === 'OPEN' ? 'lose_reply' : 'answer');
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    expect(opensOf(board)).toHaveLength(1);
    expect(board.firesAt(0, 2)).toBe(1);
  });

  it('after a lost acknowledgement on a jammed lock, resends the same seq and the board answers DUPLICATE: jammed', async () => {
    const board = new FakeLineBoard();
    board.jammed = true;
    let opens = 0;
    board.script = (r) => (r.command.verb === 'OPEN' && opens++ === 0 ? 'lose_reply' : 'answer');
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome).toMatchObject({ kind: 'jammed' });
    const sent = opensOf(board);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.seq).toBe(sent[0]!.seq);
    const tail = verbs(board).slice(verbs(board).indexOf('OPEN'));
    expect(tail.slice(0, 3)).toEqual(['OPEN', 'STATUS', 'OPEN']);
    expect(board.firesAt(0, 2)).toBe(1);
    expect(link.stats().openRetries).toBe(1);
    expect(board.audit).toMatchObject({ repeats: 1, blindReopens: [] });
  });

  it('after a lost request, reads the board (locked and closed), resends once: opened', async () => {
    const board = new FakeLineBoard();
    let opens = 0;
    board.script = (r) => (r.command.verb === 'OPEN' && opens++ === 0 ? 'lose_request' : 'answer');
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    expect(board.firesAt(0, 2)).toBe(1);
    expect(link.stats().openRetries).toBe(1);
    // The board never got the first copy; what it was sent shows the status read in between.
    const tail = verbs(board).slice(verbs(board).indexOf('OPEN'));
    expect(tail.slice(0, 3)).toEqual(['OPEN', 'STATUS', 'OPEN']);
  });

  it('treats a garbled acknowledgement like a lost one: status first, never a blind resend', async () => {
    const board = new FakeLineBoard();
    let opens = 0;
    board.script = (r) => (r.command.verb === 'OPEN' && opens++ === 0 ? 'garble_reply' : 'answer');
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('opened');
    expect(opensOf(board)).toHaveLength(1);
    expect(link.stats().discardedBytes).toBeGreaterThan(0);
  });

  it.each(['COOLDOWN', 'REFUSED', 'RANGE'] as const)(
    'takes NAK %s as a refusal and never retries it',
    async (reason) => {
      const board = new FakeLineBoard();
      board.script = (r) => (r.command.verb === 'OPEN' ? { nak: reason } : 'answer');
      const link = await ready(board);
      const outcome = await clock.run(link.open(door));
      expect(outcome).toEqual({ kind: 'refused', reason });
      expect(opensOf(board)).toHaveLength(1);
      expect(board.firesAt(0, 2)).toBe(0);
    },
  );

  it('when the board stops answering after an open went out: link_down, maybe executed', async () => {
    const board = new FakeLineBoard();
    let silent = false;
    board.script = (r) => {
      if (r.command.verb === 'OPEN') silent = true;
      return silent ? 'lose_reply' : 'answer';
    };
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    expect(opensOf(board)).toHaveLength(1);
    expect(board.audit.blindReopens).toEqual([]);
  });

  it('reports jammed when the board executed but the door never opens within the window', async () => {
    const board = new FakeLineBoard();
    board.jammed = true;
    const link = await ready(board);
    const outcome = await clock.run(link.open(door));
    expect(outcome.kind).toBe('jammed');
    if (outcome.kind === 'jammed') expect(outcome.ackMs).not.toBeNull();
    expect(board.firesAt(0, 2)).toBe(1);
  });

  it('gives up after the configured retries when every open is lost, each resend after a status read', async () => {
    const board = new FakeLineBoard();
    board.script = (r) => (r.command.verb === 'OPEN' ? 'lose_request' : 'answer');
    const link = await ready(board, { ...FAST, openRetries: 2 });
    const outcome = await clock.run(link.open(door));
    expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    expect(opensOf(board)).toHaveLength(3);
    expect(link.stats().openRetries).toBe(2);
    const tail = verbs(board).slice(verbs(board).indexOf('OPEN'));
    expect(tail.slice(0, 5)).toEqual(['OPEN', 'STATUS', 'OPEN', 'STATUS', 'OPEN']);
  });

  it.each(['CRC', 'BUSY'] as const)(
    'after NAK %s (not executed), reads the board, then resends once',
    async (reason) => {
      const board = new FakeLineBoard();
      let opens = 0;
      board.script = (r) => (r.command.verb === 'OPEN' && opens++ === 0 ? { nak: reason } : 'answer');
      const link = await ready(board);
      expect((await clock.run(link.open(door))).kind).toBe('opened');
      const tail = verbs(board).slice(verbs(board).indexOf('OPEN'));
      expect(tail.slice(0, 3)).toEqual(['OPEN', 'STATUS', 'OPEN']);
      expect(board.firesAt(0, 2)).toBe(1);
      expect(link.stats().openRetries).toBe(1);
      expect(board.audit).toMatchObject({ repeats: 1, blindReopens: [] });
    },
  );

  it('a NAK CRC that answered line noise while the open went through: status shows it open, no resend', async () => {
    const board = new FakeLineBoard();
    let opens = 0;
    board.script = (r) =>
      r.command.verb === 'OPEN' && opens++ === 0 ? { nak: 'CRC', executed: true } : 'answer';
    const link = await ready(board);
    expect((await clock.run(link.open(door))).kind).toBe('opened');
    expect(opensOf(board)).toHaveLength(1);
    expect(board.firesAt(0, 2)).toBe(1);
  });

  it('a door already open whose acknowledgement is lost: the status read shows it open, already_open, not resent', async () => {
    const board = new FakeLineBoard();
    board.doors[0]![2]!.doorOpen = true;
    board.script = (r) => (r.command.verb === 'OPEN' ? 'lose_reply' : 'answer');
    const link = await ready(board);
    expect((await clock.run(link.open(door))).kind).toBe('already_open');
    expect(opensOf(board)).toHaveLength(1);
    const tail = verbs(board).slice(verbs(board).indexOf('OPEN'));
    expect(tail.slice(0, 2)).toEqual(['OPEN', 'STATUS']);
    expect(board.firesAt(0, 2)).toBe(1);
    expect(link.stats().openRetries).toBe(0);
  });

  it('a door already open whose request is lost: the status read shows it open, already_open, never fired', async () => {
    const board = new FakeLineBoard();
    board.doors[0]![2]!.doorOpen = true;
    board.script = (r) => (r.command.verb === 'OPEN' ? 'lose_request' : 'answer');
    const link = await ready(board);
    expect((await clock.run(link.open(door))).kind).toBe('already_open');
    expect(opensOf(board)).toHaveLength(1);
    expect(board.firesAt(0, 2)).toBe(0);
  });

  it('shares one outcome between two opens of the same door asked at once', async () => {
    const board = new FakeLineBoard();
    const link = await ready(board);
    const [a, b] = await clock.run(Promise.all([link.open(door), link.open(door)]));
    expect(a).toBe(b);
    expect(board.firesAt(0, 2)).toBe(1);
  });

  it('caps opens per minute', async () => {
    const board = new FakeLineBoard();
    const link = await ready(board, { ...FAST, maxOpensPerMinute: 1 });
    expect((await clock.run(link.open(door))).kind).toBe('opened');
    expect(await clock.run(link.open({ board: 0, channel: 3 }))).toEqual({
      kind: 'refused',
      reason: 'rate_limited',
    });
    expect(board.firesAt(0, 3)).toBe(0);
  });

  it('marks our own open as commanded and a door opened by nobody as uncommanded', async () => {
    const board = new FakeLineBoard();
    const link = await ready(board);
    const events: LinkEvent[] = [];
    link.on('event', (e) => events.push(e));
    await clock.run(link.open(door));
    expect(events).toContainEqual({ type: 'door', door, open: true, commanded: true });
    expect(events.some((e) => e.type === 'uncommanded_open')).toBe(false);
    board.setDoor(0, 1, true, true);
    await until(() => events.some((e) => e.type === 'uncommanded_open'));
    expect(events).toContainEqual({ type: 'uncommanded_open', door: { board: 0, channel: 1 } });
    expect(events).toContainEqual({
      type: 'door',
      door: { board: 0, channel: 1 },
      open: true,
      commanded: false,
    });
  });
});

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = clock.now() + ms;
  while (!check()) {
    if (clock.now() > deadline) throw new Error('condition not reached');
    await clock.advance(5);
  }
}
