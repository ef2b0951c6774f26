/**
 * How faithfully the simulator keeps wire time: lateness of its precise scheduler, and PING
 * round trips through the in-process pipe against the physical floor (request + reply bytes at
 * 10 bits a byte). Overhead = measured - floor, from the same run.
 */
import { encodeLine } from '../../firmware-bridge/line/codec';
import { PreciseScheduler } from '../../hardware-sim/clock';
import { createSimulator } from '../../hardware-sim/simulator';
import { LineHost } from '../hardware-sim/line-host';
import type { BenchLog } from './run';
import { percentile } from './stats';

async function schedulerLateness(): Promise<number[]> {
  const clock = new PreciseScheduler();
  const late: number[] = [];
  for (let i = 0; i < 400; i++) {
    const due = clock.now() + 0.2 + ((i * 37) % 50) / 10; // 0.2-5.1 ms ahead
    await new Promise<void>((resolve) =>
      clock.at(due, () => {
        late.push(clock.now() - due);
        resolve();
      }),
    );
  }
  clock.stop();
  return late;
}

async function roundTrips(
  baud: number | 'instant',
  n: number,
): Promise<{ samples: number[]; floor: number }> {
  const sim = createSimulator({ dialect: 'line', boards: 1, doors: 16, baud });
  const host = await new LineHost(sim.connectPipe()).greet();
  const samples: number[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const start = performance.now();
    await host.request(seq, { verb: 'PING' });
    samples.push(performance.now() - start);
  }
  await sim.stop();
  const bytes =
    encodeLine({ type: 'request', request: { seq: 100, command: { verb: 'PING' } } }).length +
    encodeLine({ type: 'reply', reply: { seq: 100, ok: true, ack: { verb: 'PING' } } }).length;
  return { samples, floor: baud === 'instant' ? 0 : (bytes * 10_000) / baud };
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  const late = await schedulerLateness();
  log(`scheduler: ${late.length} tasks`);
  const out: Record<string, number> = {
    'sim.scheduler.late.p50_ms': percentile(late, 50),
    'sim.scheduler.late.p99_ms': percentile(late, 99),
    'sim.scheduler.late.max_ms': Math.max(...late),
  };
  for (const baud of [19200, 115200, 'instant'] as const) {
    const { samples, floor } = await roundTrips(baud, 300);
    log(`ping at ${baud}: floor ${floor.toFixed(3)} ms`);
    out[`sim.ping.${baud}.floor_ms`] = floor;
    out[`sim.ping.${baud}.p50_ms`] = percentile(samples, 50);
    out[`sim.ping.${baud}.p99_ms`] = percentile(samples, 99);
    out[`sim.ping.${baud}.overhead_p50_ms`] = percentile(samples, 50) - floor;
  }
  return out;
}
