import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLink, DEFAULT_LINK_OPTIONS, type LinkEvent, type LockerLink } from '../../../firmware-bridge';
import { FAST } from '../../support/fixtures';
import { FakeLineBoard } from './fake-line-board';
import { ManualClock } from './manual-clock';

/** Simulated time: heartbeats, timeouts and back-off run only as the test advances it. */
let clock = new ManualClock();
beforeEach(() => {
  clock = new ManualClock();
});
const links: LockerLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) await clock.run(link.stop());
});

function linkTo(board: FakeLineBoard, options = FAST): { link: LockerLink; events: LinkEvent[] } {
  board.clock = clock;
  const link = createLink({ transport: () => board.connect(), dialect: 'line', options, clock });
  links.push(link);
  const events: LinkEvent[] = [];
  link.on('event', (e) => events.push(e));
  return { link, events };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = clock.now() + ms;
  while (!check()) {
    if (clock.now() > deadline) throw new Error('condition not reached');
    await clock.advance(5);
  }
}

const states = (events: LinkEvent[]) => events.flatMap((e) => (e.type === 'link' ? [e.state] : []));

describe('reconnect supervisor', () => {
  it('takes a silent link (unanswered heartbeats) down, then reconnects on a new connection', async () => {
    const board = new FakeLineBoard();
    const { link, events } = linkTo(board);
    await clock.run(link.start());
    let quiet = true;
    board.script = (r) => (quiet && r.command.verb === 'PING' ? 'lose_reply' : 'answer');
    await until(() => states(events).includes('down'));
    quiet = false;
    await until(() => link.state === 'ready' && board.connections >= 2);
    expect(states(events)).toEqual(['connecting', 'ready', 'down', 'connecting', 'ready']);
    expect(link.stats().reconnects).toBe(1);
    // Down after the default number of heartbeats in a row went unanswered, not before.
    expect(link.stats().timeouts).toBeGreaterThanOrEqual(DEFAULT_LINK_OPTIONS.missedBeforeDown);
  });

  it('fails an open whose frame went out when the cable is pulled: link_down, maybe executed', async () => {
    const board = new FakeLineBoard();
    board.script = (r) => {
      if (r.command.verb === 'OPEN') setImmediate(() => board.unplug());
      return r.command.verb === 'OPEN' ? 'lose_reply' : 'answer';
    };
    const { link } = linkTo(board, { ...FAST, replyTimeoutMs: 5000 });
    await clock.run(link.start());
    const outcome = await clock.run(link.open({ board: 0, channel: 1 }));
    expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    await until(() => link.state === 'ready' && board.connections >= 2);
    expect(link.stats().reconnects).toBe(1);
  });

  it('an open the board acknowledged, then the link dropped before the door was seen: unknown, not jammed', async () => {
    const board = new FakeLineBoard();
    board.jammed = true; // no OPENED event: only a status read could tell
    board.script = (r) => {
      if (r.command.verb === 'OPEN') setImmediate(() => board.unplug());
      return 'answer';
    };
    const { link } = linkTo(board, { ...FAST, backoffInitialMs: 1000, backoffMaxMs: 1000 });
    await clock.run(link.start());
    const outcome = await clock.run(link.open({ board: 0, channel: 1 }));
    expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    expect(board.firesAt(0, 1)).toBe(1);
  });

  it('stopping the link while an open is being watched ends it at once as unknown', async () => {
    const board = new FakeLineBoard();
    board.jammed = true;
    const { link } = linkTo(board, { ...FAST, jamWindowMs: 60_000 });
    await clock.run(link.start());
    const pending = link.open({ board: 0, channel: 1 });
    await until(() => board.firesAt(0, 1) === 1);
    await clock.run(link.stop());
    expect(await clock.run(pending)).toMatchObject({ kind: 'link_down', maybeExecuted: true });
  });

  it('answers an open asked while the link is down without touching the wire', async () => {
    const board = new FakeLineBoard();
    const { link, events } = linkTo(board, { ...FAST, backoffInitialMs: 500, backoffMaxMs: 500 });
    await clock.run(link.start());
    board.unplug();
    await until(() => states(events).includes('down'));
    const before = board.requests.length;
    expect(await clock.run(link.open({ board: 0, channel: 0 }))).toMatchObject({
      kind: 'link_down',
      maybeExecuted: false,
    });
    await expect(clock.run(link.readBoard(0))).rejects.toMatchObject({ code: 'link_down' });
    expect(board.requests.length).toBe(before);
  });

  it('refuses to start against a board that speaks another protocol version', async () => {
    const board = new FakeLineBoard();
    board.script = (r) => (r.command.verb === 'HELLO' ? { nak: 'VERSION' } : 'answer');
    const { link } = linkTo(board);
    await expect(clock.run(link.start())).rejects.toMatchObject({ code: 'bad_config' });
    expect(link.state).toBe('stopped');
  });

  it('keeps retrying with back-off until the bus appears, then starts', async () => {
    const board = new FakeLineBoard();
    let attempts = 0;
    const link = createLink({
      transport: () => {
        attempts++;
        if (attempts < 3) throw new Error('adapter not plugged in');
        return board.connect();
      },
      dialect: 'line',
      options: FAST,
      clock,
    });
    links.push(link);
    await clock.run(link.start());
    expect(attempts).toBe(3);
    expect(link.state).toBe('ready');
  });

  it('stops cleanly: state stopped, later opens are not sent', async () => {
    const board = new FakeLineBoard();
    const { link } = linkTo(board);
    await clock.run(link.start());
    await clock.run(link.stop());
    expect(link.state).toBe('stopped');
    expect((await clock.run(link.open({ board: 0, channel: 0 }))).kind).toBe('link_down');
    expect(board.firesAt(0, 0)).toBe(0);
  });

  it('rejects start() when stopped before the bus was ever reached', async () => {
    const link = createLink({
      transport: () => {
        throw new Error('adapter not plugged in');
      },
      dialect: 'line',
      options: FAST,
      clock,
    });
    const started = link.start();
    started.catch(() => {});
    await clock.advance(30);
    await clock.run(link.stop());
    await expect(clock.run(started)).rejects.toMatchObject({ code: 'stopped' });
  });

  it('logs raw frames in hex at trace level through a pino child logger', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'));
        done();
      },
    });
    const logger = pino({ level: 'trace' }, sink).child({ bus: 'test-bus' });
    const board = new FakeLineBoard();
    board.clock = clock;
    const link = createLink({
      transport: () => board.connect(),
      dialect: 'line',
      options: FAST,
      logger,
      clock,
    });
    links.push(link);
    await clock.run(link.start());
    await clock.run(link.open({ board: 0, channel: 0 }));
    const records = lines.map(
      (l) => JSON.parse(l) as { level: number; dir?: string; hex?: string; bus?: string },
    );
    const sent = records.filter((r) => r.dir === 'tx');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.level === 10 && r.bus === 'test-bus' && /^[0-9a-f]+$/.test(r.hex ?? ''))).toBe(
      true,
    );
    const open = sent
      .map((r) => Buffer.from(r.hex!, 'hex').toString('latin1'))
      .find((t) => t.includes('OPEN'));
    expect(open).toMatch(/^>\d+ OPEN 0 0 500\*[0-9A-F]{4}\n$/);
  });
});
