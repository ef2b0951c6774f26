import { describe, expect } from 'vitest';
import type { OpenOutcomeKind } from '../../../firmware-bridge';
import { type DialectName, integrationTest, type TransportKind } from './integration';

/**
 * The link through every fault knob of the simulator, over every transport: the outcome it
 * reports must match what happened at the door, and every fire on the bus is accounted for
 * (the simulator's fire records), so no open fired its door, or any other, twice. The harness
 * also checks the boards' own record: no open reached a board again without a status read.
 */
const door = { board: 0, channel: 1 };
const transports: TransportKind[] = ['pipe', 'tcp', 'pty'];

for (const dialect of ['line', 'kerong'] as DialectName[]) {
  for (const transport of transports) {
    const t = (name: string, c: Omit<Parameters<typeof integrationTest>[1], 'dialect' | 'transport'>) =>
      integrationTest(name, { dialect, transport, ...c });

    describe(`link faults: ${dialect} over ${transport}`, () => {
      t('a dropped acknowledgement: status read shows the door open, opened, fired once', {
        body: async ({ sim, link, fired }) => {
          sim.faults.dropNext(1);
          expect((await link.open(door)).kind).toBe('opened');
          expect(fired()).toEqual(['0:1']);
          // A Kerong unlock expects no reply on the default profile: a missing one is no timeout.
          expect(link.stats()).toMatchObject({ timeouts: dialect === 'kerong' ? 0 : 1, openRetries: 0 });
          expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
        },
      });

      t('a corrupted acknowledgement: discarded, status read, opened, fired once', {
        body: async ({ sim, link, fired }) => {
          sim.faults.corruptNext(1);
          expect((await link.open(door)).kind).toBe('opened');
          expect(fired()).toEqual(['0:1']);
          expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
        },
      });

      t('a duplicated reply is ignored: the next commands still match their own replies', {
        body: async ({ sim, link, fired }) => {
          sim.faults.duplicateNext(1);
          expect((await link.open(door)).kind).toBe('opened');
          expect((await link.open({ board: 0, channel: 2 })).kind).toBe('opened');
          expect(fired()).toEqual(['0:1', '0:2']);
          expect((await link.readBoard(0)).doors.map((d) => d.open)).toEqual([false, true, true, false]);
        },
      });

      t('a reply later than the timeout: treated as lost, the late one ignored, fired once', {
        body: async ({ sim, link, fired }) => {
          sim.faults.delayNext(1, 400); // twice the reply timeout
          expect((await link.open(door)).kind).toBe('opened');
          await new Promise((r) => setTimeout(r, 450));
          expect((await link.readBoard(0)).doors[1]?.open).toBe(true);
          expect(fired()).toEqual(['0:1']);
        },
      });

      t('garbage on the line before the reply is discarded and counted', {
        body: async ({ sim, link, fired }) => {
          sim.faults.garbage(64);
          expect((await link.open(door)).kind).toBe('opened');
          expect(fired()).toEqual(['0:1']);
          expect(link.stats().discardedBytes).toBeGreaterThan(0);
        },
      });

      t('replies written one to three bytes at a time still decode', {
        setup: (sim) => {
          sim.faults.fragment = true;
        },
        body: async ({ link, fired }) => {
          expect((await link.open(door)).kind).toBe('opened');
          expect(fired()).toEqual(['0:1']);
          expect(link.stats().timeouts).toBe(0);
        },
      });

      t('a silent board (connection kept): the link goes down, opens say so, and it recovers', {
        body: async ({ sim, link, events, until, fired }) => {
          sim.faults.silent = true;
          await until(() => events.some((e) => e.type === 'link' && e.state === 'down'));
          const outcome = await link.open(door);
          expect(outcome.kind).toBe('link_down');
          sim.faults.silent = false;
          await until(() => link.state === 'ready');
          expect((await link.open(door)).kind).toBe('opened');
          expect(fired()).toEqual(['0:1']);
        },
      });

      t('the board disconnects while an open waits for its reply: link_down, maybe executed', {
        options: { replyTimeoutMs: 2000 },
        body: async ({ sim, link, firesAt, fired, until }) => {
          sim.faults.delayNext(1, 1000);
          const pending = link.open(door);
          await until(() => firesAt(0, 1).length === 1);
          sim.faults.disconnect();
          expect(await pending).toMatchObject({ kind: 'link_down', maybeExecuted: true });
          await until(() => link.state === 'ready');
          expect(fired()).toEqual(['0:1']);
        },
      });

      t('a jammed lock: executed, never seen open, jammed', {
        setup: (sim) => sim.jam(0, 1),
        body: async ({ link, fired }) => {
          const outcome = await link.open(door);
          expect(outcome.kind).toBe('jammed');
          if (outcome.kind === 'jammed') expect(outcome.ackMs).not.toBeNull();
          expect(fired()).toEqual(['0:1']);
        },
      });

      t('a sensor stuck open: the lock is fired anyway, already_open', {
        setup: (sim) => sim.stuckSensor(0, 1, 'open'),
        body: async ({ link, fired }) => {
          expect((await link.open(door)).kind).toBe('already_open');
          expect(fired()).toEqual(['0:1']);
        },
      });

      t('a door that opens with no command of ours raises an uncommanded open, and nothing fires', {
        body: async ({ sim, events, until, fired }) => {
          sim.faults.uncommandedOpen(0, 2);
          await until(() => events.some((e) => e.type === 'uncommanded_open'));
          expect(events).toContainEqual({
            type: 'door',
            door: { board: 0, channel: 2 },
            open: true,
            commanded: false,
          });
          expect(fired()).toEqual([]);
        },
      });

      t('a flickering sensor on a shut door never reports a change', {
        setup: (sim) => sim.flicker(0, 3, true),
        body: async ({ link, events, fired }) => {
          const seen = new Set<boolean>();
          for (let i = 0; i < 6; i++) seen.add((await link.readBoard(0)).doors[3]!.open);
          expect([...seen].sort()).toEqual([false, true]); // the raw readings did alternate
          expect(events.filter((e) => e.type === 'door' || e.type === 'uncommanded_open')).toEqual([]);
          expect(fired()).toEqual([]);
        },
      });

      t('an open under a flickering door switch fires once and reports what the board can vouch for', {
        body: async ({ sim, link, events, fired }) => {
          // The switch starts flickering on a door the link already believes shut.
          sim.flicker(0, 3, true);
          const outcome = await link.open({ board: 0, channel: 3 });
          // Kerong infers "open" from the released lock hook, which does not flicker. The line
          // board's door switch never gives two equal readings in a row, so the door is never
          // believed open: jammed, which sends someone to look rather than claiming an open.
          const expected: OpenOutcomeKind = dialect === 'line' ? 'jammed' : 'opened';
          expect(outcome.kind).toBe(expected);
          expect(sim.truth(0, 3).doorOpen).toBe(true);
          expect(fired()).toEqual(['0:3']);
          expect(events.some((e) => e.type === 'uncommanded_open')).toBe(false);
          expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
        },
      });
    });
  }
}

describe('faults whose outcome depends on the dialect', () => {
  for (const transport of transports) {
    integrationTest('a board refusing opens: line answers NAK REFUSED, refused, nothing fired, no retry', {
      dialect: 'line',
      transport,
      setup: (sim) => sim.refuseOpens(0, true),
      body: async ({ sim, link, fired }) => {
        expect(await link.open(door)).toEqual({ kind: 'refused', reason: 'REFUSED' });
        expect(fired()).toEqual([]);
        expect(link.stats().opensSent).toBe(1);
        expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
      },
    });

    // A Kerong CU16 has no refusal reply: it answers the unlock with its status and does not
    // fire, so the door is never seen open.
    integrationTest('a board refusing opens: Kerong has no refusal reply, the door stays shut: jammed', {
      dialect: 'kerong',
      transport,
      setup: (sim) => sim.refuseOpens(0, true),
      body: async ({ sim, link, fired }) => {
        expect((await link.open(door)).kind).toBe('jammed');
        expect(fired()).toEqual([]);
        expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
      },
    });

    integrationTest(
      'a jammed lock whose acknowledgement is lost: same seq resent after a status read, DUPLICATE, jammed, fired once',
      {
        dialect: 'line',
        transport,
        setup: (sim) => sim.jam(0, 1),
        body: async ({ sim, link, fired }) => {
          sim.faults.dropNext(1);
          expect((await link.open(door)).kind).toBe('jammed');
          expect(fired()).toEqual(['0:1']);
          expect(link.stats().openRetries).toBe(1);
          expect(sim.audit).toMatchObject({ opens: 2, repeats: 1, blindReopens: [] });
        },
      },
    );

    // Without sequence numbers a resend cannot be told from a new open: a jammed Kerong lock
    // whose acknowledgement was lost still reads locked and closed, so it is fired again once
    // (after a status read). The door never opened, so nothing was handed out twice.
    integrationTest('a jammed Kerong lock whose acknowledgement is lost: status read, one resend, jammed', {
      dialect: 'kerong',
      transport,
      setup: (sim) => sim.jam(0, 1),
      body: async ({ sim, link, fired }) => {
        sim.faults.dropNext(1);
        expect((await link.open(door)).kind).toBe('jammed');
        expect(fired()).toEqual(['0:1', '0:1']);
        expect(link.stats().openRetries).toBe(1);
        expect(sim.audit).toMatchObject({ opens: 2, repeats: 1, blindReopens: [] });
      },
    });

    // The status read after the lost acknowledgement shows the door open, and it read open
    // before the command too: already open, and nothing is resent (on either dialect).
    for (const dialect of ['line', 'kerong'] as DialectName[]) {
      integrationTest('a door reading open whose acknowledgement is lost: already_open, no resend', {
        dialect,
        transport,
        setup: (sim) => sim.stuckSensor(0, 1, 'open'),
        body: async ({ sim, link, fired }) => {
          sim.faults.dropNext(1);
          expect((await link.open(door)).kind).toBe('already_open');
          expect(fired()).toEqual(['0:1']);
          expect(link.stats().openRetries).toBe(0);
          expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
        },
      });

      integrationTest(
        'a sensor stuck closed: the door opens but is never seen open: jammed or opened by the lock bit',
        {
          dialect,
          transport,
          setup: (sim) => sim.stuckSensor(0, 1, 'closed'),
          body: async ({ link, fired }) => {
            const outcome = await link.open(door);
            // Line reports the door switch: stuck shut reads shut. Kerong infers "open" from the
            // released hook, which a stuck door switch does not affect.
            const expected: OpenOutcomeKind = dialect === 'line' ? 'jammed' : 'opened';
            expect(outcome.kind).toBe(expected);
            expect(fired()).toEqual(['0:1']);
          },
        },
      );
    }
  }
});

describe('an open confirmed late, while its call still watches the door (line)', () => {
  for (const transport of transports) {
    // The board fires and acknowledges at once, but the status read that confirms its OPENED
    // event answers later than the jam window (a slow reply, a stalled host). The call is still
    // watching the door when the confirmation arrives, so the door is ours: opened, and no
    // uncommanded open for it.
    integrationTest('the door is believed open after the jam window: opened, commanded, no alarm', {
      dialect: 'line',
      transport,
      options: { jamWindowMs: 150, replyTimeoutMs: 1000 },
      body: async ({ sim, link, events, fired }) => {
        // Once the acknowledgement is out, the next reply (the confirming status) is 400 ms late.
        sim.on('event', (e) => {
          if (e.type === 'tx' && e.kind === 'reply' && e.text.includes(' ACK OPEN '))
            sim.faults.delayNext(1, 400);
        });
        const outcome = await link.open(door);
        expect(outcome.kind).toBe('opened');
        if (outcome.kind === 'opened') expect(outcome.seenOpenMs).toBeGreaterThan(150);
        expect(events.filter((e) => e.type === 'door' && e.open)).toEqual([
          { type: 'door', door, open: true, commanded: true },
        ]);
        expect(events.some((e) => e.type === 'uncommanded_open')).toBe(false);
        expect(fired()).toEqual(['0:1']);
        expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
      },
    });
  }
});

describe('the link lost while an open watches its door (line)', () => {
  for (const transport of transports) {
    // The board fires, acknowledges and reports OPENED, then falls silent before the status
    // read that would confirm it. The call waits out its jam window for the link to come back;
    // meanwhile the host must go on running (timers, reconnects, other callers), not spin.
    integrationTest('link_down, maybe executed, and the event loop never stalls meanwhile', {
      dialect: 'line',
      transport,
      options: { jamWindowMs: 1500, replyTimeoutMs: 100 },
      body: async ({ sim, link, events, fired, until }) => {
        sim.on('event', (e) => {
          if (e.type === 'tx' && e.kind === 'event' && e.text.includes(' OPENED ')) sim.faults.silent = true;
        });
        let last = performance.now();
        let longestGap = 0;
        const ticker = setInterval(() => {
          const now = performance.now();
          longestGap = Math.max(longestGap, now - last);
          last = now;
        }, 10);
        const outcome = await link.open(door);
        // One more tick, so a stall that ended with the call is measured too.
        await new Promise((r) => setTimeout(r, 30));
        clearInterval(ticker);
        expect(outcome).toMatchObject({ kind: 'link_down', maybeExecuted: true });
        expect(events).toContainEqual(expect.objectContaining({ type: 'link', state: 'down' }));
        expect(longestGap).toBeLessThan(500);
        sim.faults.silent = false;
        await until(() => link.state === 'ready');
        expect(fired()).toEqual(['0:1']);
      },
    });
  }
});
