import { describe, expect } from 'vitest';
import type { LinkEvent } from '../../../firmware-bridge';
import { type DialectName, integrationTest, type TransportKind } from './integration';

/**
 * What the boards say besides answers, through the real simulator and the real link: a dossier
 * put in or taken out (presence), and a board's own fault report. Line boards send them as
 * events; Kerong boards are polled, and have no way to report a fault.
 */
const presence = (events: LinkEvent[]) => events.filter((e) => e.type === 'presence');

for (const dialect of ['line', 'kerong'] as DialectName[]) {
  for (const transport of ['pipe', 'tcp', 'pty'] as TransportKind[]) {
    describe(`board reports: ${dialect} over ${transport}`, () => {
      integrationTest('a dossier put in and taken out: presence changes, each once, no fire', {
        dialect,
        transport,
        setup: (sim) => sim.forceOpen(0, 2), // a door left open, as after a drop-off
        body: async ({ sim, events, until, fired }) => {
          const door = { board: 0, channel: 2 };
          sim.putItem(0, 2);
          await until(() => presence(events).length === 1);
          expect(presence(events)).toEqual([{ type: 'presence', door, present: true }]);
          sim.takeItem(0, 2);
          await until(() => presence(events).length === 2);
          expect(presence(events)[1]).toEqual({ type: 'presence', door, present: false });
          await new Promise((r) => setTimeout(r, 100));
          expect(presence(events)).toHaveLength(2);
          expect(fired()).toEqual([]);
        },
      });
    });
  }

  integrationTest('a board fault is reported as a fault event (line), never by a Kerong board', {
    dialect,
    transport: 'tcp',
    body: async ({ sim, link, events, until }) => {
      sim.faults.boardFault(0, 'TAMPER');
      if (dialect === 'line') {
        await until(() => events.some((e) => e.type === 'fault'));
        expect(events.filter((e) => e.type === 'fault')).toEqual([
          { type: 'fault', board: 0, code: 'TAMPER' },
        ]);
      } else {
        await new Promise((r) => setTimeout(r, 150));
        expect(events.filter((e) => e.type === 'fault')).toEqual([]);
      }
      expect(link.state).toBe('ready');
    },
  });
}

for (const transport of ['pipe', 'pty'] as TransportKind[]) {
  integrationTest('a fault reported by one board names that board, over the real serial path too', {
    dialect: 'line',
    transport,
    sim: { boards: 2 },
    body: async ({ sim, events, until }) => {
      sim.faults.boardFault(1, 'SOLENOID_OPEN');
      await until(() => events.some((e) => e.type === 'fault'));
      expect(events.filter((e) => e.type === 'fault')).toEqual([
        { type: 'fault', board: 1, code: 'SOLENOID_OPEN' },
      ]);
    },
  });
}
