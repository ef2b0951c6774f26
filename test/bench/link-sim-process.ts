/**
 * The link bench's simulator child: started in its own process at the bench's priority, its
 * port read from its first line, its trace read back when it stops.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { KnobSettings } from '../../hardware-sim/simulator';
import type { BenchDialect } from './link-buses';
import type { SimTrace } from './link-sim-child';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/**
 * Nice value for this process and the simulator child while measuring: the priority the shipped
 * unit gives the daemon (config/dossier-locker.service, Nice=-10), so the bench measures the
 * link as it runs in the field. Both mostly sleep, so
 * the raised priority costs the machine's other work little, but it lets them run as soon as
 * bytes or a deadline wake them instead of queueing behind whatever else holds the two cores:
 * without it the tail measures the machine's load rather than the link. Needs CAP_SYS_NICE;
 * without it the bench says so and runs at the usual priority.
 */
export const BENCH_NICE = -10;

export interface SimProcess {
  port: number;
  command(line: string): void;
  /** Stops the child and returns what it traced. */
  stop(): Promise<SimTrace | null>;
}

/** The system's monotonic clock in ms, the same in the simulator's process as in this one. */
export const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

export async function startSimulator(
  dialect: BenchDialect,
  baud: number,
  doors: number,
  wire: Partial<KnobSettings> = {},
): Promise<SimProcess> {
  const traceFile = join(tmpdir(), `link-bench-sim-${process.pid}-${dialect}.json`);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(here, 'link-sim-child.ts'),
      '--dialect',
      dialect,
      '--baud',
      String(baud),
      '--doors',
      String(doors),
      '--trace',
      traceFile,
      '--wire',
      JSON.stringify(wire),
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  raisePriority(child.pid);
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the simulator did not start listening')), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      const match = /^port (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
      else reject(new Error(`unexpected line from the simulator: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return {
    port,
    command: (line) => child.stdin!.write(`${line}\n`),
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.write('quit\n');
      });
      try {
        return JSON.parse(readFileSync(traceFile, 'utf8')) as SimTrace;
      } catch {
        return null;
      } finally {
        rmSync(traceFile, { force: true });
      }
    },
  };
}

/** Sets BENCH_NICE on a process (this one when no pid); false when not permitted. */
export function raisePriority(pid?: number): boolean {
  try {
    setPriority(pid ?? 0, BENCH_NICE);
    return true;
  } catch {
    return false;
  }
}
