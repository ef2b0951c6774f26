import { describe, expect } from 'vitest';
import { type DialectName, integrationTest, type TransportKind } from './integration';

const dialects: DialectName[] = ['line', 'kerong'];
const transports: TransportKind[] = ['pipe', 'tcp', 'pty'];

describe('the link against the simulator, over every transport', () => {
  for (const dialect of dialects) {
    for (const transport of transports) {
      integrationTest('opens a closed door, fires it once, and reads the board', {
        dialect,
        transport,
        body: async ({ sim, link, firesAt }) => {
          const outcome = await link.open({ board: 0, channel: 1 });
          expect(outcome.kind).toBe('opened');
          if (outcome.kind === 'opened') expect(outcome.ackMs).toBeGreaterThan(0);
          expect(firesAt(0, 1)).toHaveLength(1);
          expect(sim.truth(0, 1).doorOpen).toBe(true);
          const reading = await link.readBoard(0);
          expect(reading.doors[1]?.open).toBe(true);
          expect(reading.doors[0]?.open).toBe(false);
          expect(sim.audit).toMatchObject({ opens: 1, repeats: 0 });
          expect(sim.counters.bulkFires).toBe(0);
        },
      });

      integrationTest('reports a door opened with no command of ours', {
        dialect,
        transport,
        body: async ({ sim, events, until, firesAt }) => {
          sim.forceOpen(0, 3);
          await until(() => events.some((e) => e.type === 'uncommanded_open'));
          expect(events).toContainEqual({ type: 'uncommanded_open', door: { board: 0, channel: 3 } });
          expect(firesAt(0, 3)).toHaveLength(0);
        },
      });

      integrationTest('comes back after the cable is pulled', {
        dialect,
        transport,
        body: async ({ sim, link, until, firesAt }) => {
          sim.faults.disconnect();
          await until(() => link.stats().reconnects === 1 && link.state === 'ready');
          expect((await link.open({ board: 0, channel: 2 })).kind).toBe('opened');
          expect(firesAt(0, 2)).toHaveLength(1);
        },
      });
    }
  }
});
