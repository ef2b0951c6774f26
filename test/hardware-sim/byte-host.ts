import { ManualScheduler } from '../../hardware-sim/clock';
import {
  createSimulator,
  type SimEvent,
  type Simulator,
  type SimulatorOptions,
} from '../../hardware-sim/simulator';
import { releasedAfterEach } from '../support/release';

/** Hex text of bytes, lower case, one space between bytes: "02 00 30 03 35". */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
}

export function bytesOf(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

/** Let the in-process cable deliver what was written (it hands chunks on over a few ticks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A host made of raw bytes on a manual clock: it writes frames typed as hex and reads back
 * whatever the boards put on the cable, so the frames tested are the ones on the wire.
 */
export async function byteBus(options: Omit<SimulatorOptions, 'scheduler'>) {
  const scheduler = new ManualScheduler();
  const sim: Simulator = createSimulator({ ...options, scheduler });
  const events: SimEvent[] = [];
  sim.on('event', (e) => events.push(e));
  const cable = sim.connectPipe();
  let got = Buffer.alloc(0);
  cable.on('data', (chunk: Buffer) => {
    got = Buffer.concat([got, chunk]);
  });
  await settle();
  return {
    sim,
    scheduler,
    events,
    warnings: () => events.flatMap((e) => (e.type === 'warning' ? [e.message] : [])),
    /** Write a frame (hex) and let the clock run `ms` (0: only what is due now). */
    async send(frame: string, ms = 0): Promise<void> {
      cable.write(bytesOf(frame));
      await settle();
      scheduler.advance(ms);
      await settle();
    },
    async advance(ms: number): Promise<void> {
      scheduler.advance(ms);
      await settle();
    },
    /** Everything received since the last take, as hex. */
    take(): string {
      const text = hex(got);
      got = Buffer.alloc(0);
      return text;
    },
    async stop(): Promise<void> {
      await sim.stop();
    },
  };
}

/**
 * Buses of one dialect for the tests of a file (call at its top), one or more 8-door boards
 * answering at once; each is stopped after its test.
 */
export function busPerTest(
  dialect: '8a' | 'modbus',
): (wire?: SimulatorOptions['wire'], boards?: number) => ReturnType<typeof byteBus> {
  const later = releasedAfterEach();
  return async (wire = {}, boards = 1) => {
    const bus = await byteBus({ dialect, boards, doors: 8, baud: 'instant', wire });
    later(() => bus.stop());
    return bus;
  };
}
