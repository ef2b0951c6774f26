import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  createLink,
  type LinkEvent,
  type LinkOptions,
  type LockerLink,
  type TransportSpec,
} from '../../../firmware-bridge';
import type { FireRecord } from '../../../hardware-sim/bank';
import {
  createSimulator,
  KERONG_BOARDS,
  type Simulator,
  type SimulatorOptions,
} from '../../../hardware-sim/simulator';
import { haveSocat } from '../transports/socat-pair';

export type TransportKind = 'pipe' | 'tcp' | 'pty';
export type DialectName = 'line' | 'kerong';

export interface Harness {
  sim: Simulator;
  link: LockerLink;
  events: LinkEvent[];
  /** Fires of one door so far, from the simulator's own records. */
  firesAt(board: number, channel: number): FireRecord[];
  /** Every fire on the bus so far, as "board:channel", in order: a stray fire anywhere shows. */
  fired(): string[];
  until(check: () => boolean, ms?: number): Promise<void>;
}

export interface IntegrationCase {
  dialect: DialectName;
  transport: TransportKind;
  sim?: Partial<SimulatorOptions>;
  options?: Partial<LinkOptions>;
  /** Before the link connects (set faults, open doors). */
  setup?: (sim: Simulator) => void | Promise<void>;
  body: (h: Harness) => Promise<void>;
}

const socat = haveSocat();

/**
 * Short timeouts for a simulator in instant mode on a busy shared machine: long enough that a
 * healthy reply is never late (a test that loses one reply on purpose must not see two more
 * late ones, or the link goes down after its 3 misses), short enough that a lost one costs little.
 */
export const INTEGRATION_OPTIONS: Partial<LinkOptions> = {
  replyTimeoutMs: 200,
  helloTimeoutMs: 200,
  jamWindowMs: 300,
  watchPollMs: 15,
  heartbeatIntervalMs: 100,
  pollIntervalMs: 25,
  backoffInitialMs: 10,
  backoffMaxMs: 80,
  maxOpensPerMinute: 100_000,
};

/**
 * The real link against the real simulator over a real transport, cleaned up whatever happens.
 * A pty case skips, and says so on the console, where socat is missing.
 */
export function integrationTest(name: string, c: IntegrationCase): void {
  const skip = c.transport === 'pty' && !socat;
  if (skip) console.warn(`SKIPPED, no socat for a real pty: ${name} [${c.dialect}]`);
  it.skipIf(skip)(`${name} [${c.dialect} over ${c.transport}]`, async () => {
    // Kerong cases are about acknowledged opens (a lost, corrupted or late unlock reply): boards
    // that answer an unlock with their status. The field's silent boards: kerong-field.test.ts.
    const wire = c.dialect === 'kerong' ? KERONG_BOARDS.echo : {};
    const sim = createSimulator({ dialect: c.dialect, boards: 1, doors: 4, baud: 'instant', wire, ...c.sim });
    let link: LockerLink | null = null;
    try {
      await c.setup?.(sim);
      const spec = await transportTo(sim, c.transport);
      link = createLink({
        transport: spec,
        dialect: c.dialect,
        boards: [0],
        channels: c.dialect === 'kerong' ? (c.sim?.doors ?? 4) : undefined,
        options: { ...INTEGRATION_OPTIONS, ...c.options },
      });
      const events: LinkEvent[] = [];
      link.on('event', (e) => events.push(e));
      await link.start();
      await c.body({
        sim,
        link,
        events,
        firesAt: (board, channel) => sim.fires.filter((f) => f.board === board && f.channel === channel),
        fired: () => sim.fires.map((f) => `${f.board}:${f.channel}`),
        until,
      });
      // Whatever the case, no open reached a board twice without a status read in between,
      // by the boards' own record.
      expect(sim.audit.blindReopens).toEqual([]);
    } finally {
      await link?.stop();
      await sim.stop();
    }
  });
}

async function transportTo(sim: Simulator, kind: TransportKind): Promise<TransportSpec> {
  if (kind === 'pipe') return () => sim.connectPipe();
  if (kind === 'tcp') return `tcp://127.0.0.1:${await sim.listen('tcp://127.0.0.1:0')}`;
  const path = join(mkdtempSync(join(tmpdir(), 'locker-pty-')), 'bus');
  await sim.pty(path);
  return path;
}

export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
