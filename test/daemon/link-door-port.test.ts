import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type {
  BoardReading,
  LinkState,
  LockerLink,
  OpenOutcome,
  OpenOutcomeKind,
} from '../../firmware-bridge';
import { emptyStats } from '../../firmware-bridge/driver/session';
import { createLinkDoorPort, doorOutcomeOf } from '../../src/daemon/link-door-port';
import type { DoorOutcome } from '../../src/domain/door';
import { eventForOpenOutcome } from '../../src/domain/door-outcome';

// One case per driver outcome kind: a kind added to the driver fails to compile here until the
// adapter's translation of it is decided.
const CASES: Record<OpenOutcomeKind, { driver: OpenOutcome[]; domain: DoorOutcome[] }> = {
  opened: { driver: [{ kind: 'opened', ackMs: 20, seenOpenMs: 300 }], domain: [{ kind: 'opened' }] },
  already_open: { driver: [{ kind: 'already_open', ackMs: 20 }], domain: [{ kind: 'already_open' }] },
  jammed: {
    driver: [
      { kind: 'jammed', ackMs: 20 },
      { kind: 'jammed', ackMs: null },
    ],
    domain: [{ kind: 'jammed' }, { kind: 'jammed' }],
  },
  refused: {
    driver: [{ kind: 'refused', reason: 'cooldown' }],
    domain: [{ kind: 'refused', reason: 'cooldown' }],
  },
  link_down: {
    driver: [
      { kind: 'link_down', maybeExecuted: false, detail: 'port closed' },
      { kind: 'link_down', maybeExecuted: true, detail: 'no reply after send' },
    ],
    domain: [
      { kind: 'link_down', maybeExecuted: false, detail: 'port closed' },
      { kind: 'link_down', maybeExecuted: true, detail: 'no reply after send' },
    ],
  },
};

describe("the driver's open outcomes in the domain's words", () => {
  it.each(Object.entries(CASES))('%s maps to the same fact about the door', (_kind, { driver, domain }) => {
    expect(driver.map(doorOutcomeOf)).toEqual(domain);
  });

  it('an open that may have reached the board never becomes "did not open"', () => {
    const maybe = doorOutcomeOf({ kind: 'link_down', maybeExecuted: true, detail: 'timeout after send' });
    expect(maybe).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    expect(eventForOpenOutcome(maybe)).toEqual({ type: 'lost_track' });
  });

  it('a kind the adapter does not know is taken as maybe executed', () => {
    const future = { kind: 'half_open', ackMs: 5 } as unknown as OpenOutcome;
    const outcome = doorOutcomeOf(future);
    expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
    expect(eventForOpenOutcome(outcome)).toEqual({ type: 'lost_track' });
  });
});

/** A link whose open() does what the test says; nothing else is used by open(). */
function scriptedLink(open: () => Promise<OpenOutcome>): LockerLink {
  const emitter = new EventEmitter();
  const link = {
    state: 'ready' as LinkState,
    start: async () => {},
    stop: async () => {},
    open,
    readBoard: async (board: number): Promise<BoardReading> => ({
      board,
      doors: [{ locked: true, open: false, present: true }],
    }),
    snapshot: (): BoardReading[] => [],
    stats: emptyStats,
    on: (_e: 'event', l: (...args: unknown[]) => void) => {
      emitter.on('event', l);
      return link;
    },
    off: (_e: 'event', l: (...args: unknown[]) => void) => {
      emitter.off('event', l);
      return link;
    },
  } as unknown as LockerLink;
  return link;
}

const LOCKER = { id: 7, bank: 0, board: 1, channel: 0 };

describe('the door port over a link', () => {
  it("returns the domain's outcome for the driver's", async () => {
    const link = scriptedLink(async () => ({ kind: 'jammed', ackMs: 12 }));
    const doors = createLinkDoorPort({ links: new Map([[0, link]]), lockers: () => [LOCKER] });
    expect(await doors.open(7)).toEqual({ kind: 'jammed' });
  });

  it('a driver that throws is taken as maybe executed', async () => {
    const link = scriptedLink(async () => {
      throw new Error('serial write failed');
    });
    const doors = createLinkDoorPort({ links: new Map([[0, link]]), lockers: () => [LOCKER] });
    expect(await doors.open(7)).toEqual({
      kind: 'link_down',
      maybeExecuted: true,
      detail: 'serial write failed',
    });
  });

  it('a locker with no wiring is refused: no command left', async () => {
    const link = scriptedLink(async () => ({ kind: 'opened', ackMs: 1, seenOpenMs: 2 }));
    const doors = createLinkDoorPort({ links: new Map([[0, link]]), lockers: () => [LOCKER] });
    expect(await doors.open(8)).toMatchObject({ kind: 'refused' });
  });

  it('reads a door as the domain reading', async () => {
    const link = scriptedLink(async () => ({ kind: 'opened', ackMs: 1, seenOpenMs: 2 }));
    const doors = createLinkDoorPort({ links: new Map([[0, link]]), lockers: () => [LOCKER] });
    expect(await doors.read(7)).toEqual({ locked: true, open: false, present: true });
  });
});
