/**
 * The ledger daemon under crash test, run as a child process:
 *   node --import tsx worker.ts --db FILE --port PORT --wallet FILE [--standby]
 * It opens the ledger file, connects to the boards the parent serves on loopback, runs start-up
 * reconciliation and reports it, then takes commands on stdin: SETTLE (a technician's finding),
 * GO (citizens and staff start using the machine until the parent kills the process) and STOP.
 * With --standby it loads its code and then waits for START before touching the file or the
 * bus, as a supervisor keeps a warm spare: the restart then costs what the daemon does, not
 * what loading TypeScript costs.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { DossierState } from '../../../src/store/states';
import { type ActorContext, runOneJob } from './actors';
import { formatWorkerLine, type ParentCommand, parseCommand, type WorkerLine } from './protocol';
import { seededRandom } from './random';
import { startDaemon, stopDaemon } from './worker-ledger';

const ACTORS = 3;
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    wallet: { type: 'string' },
    standby: { type: 'boolean', default: false },
  },
});
if (!values.db || !values.port || !values.wallet) {
  console.error('usage: worker.ts --db FILE --port PORT --wallet FILE [--standby]');
  process.exit(2);
}

const emit = (line: WorkerLine) => process.stdout.write(`${formatWorkerLine(line)}\n`);
/** Progress on stderr: the parent shows it when this process fails to answer in time. */
const progress = (step: string) =>
  process.stderr.write(`[${process.pid} ${performance.now().toFixed(0)} ms] ${step}\n`);
const input = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
/** The next command; null once the parent is gone (stdin closed), which ends this process. */
async function nextCommand(): Promise<ParentCommand | null> {
  for (;;) {
    const line = await input.next();
    if (line.done) return null;
    const command = parseCommand(line.value);
    if (command) return command;
  }
}

if (values.standby) {
  emit({ type: 'standby' });
  const first = await nextCommand();
  if (first?.type !== 'start') process.exit(0);
}

// The citizens' receipts, read when this daemon takes over (the parent rewrites the file).
const wallet = new Map<number, string>(
  Object.entries(JSON.parse(readFileSync(values.wallet, 'utf8')) as Record<string, string>).map(
    ([id, qr]) => [Number(id), qr],
  ),
);
progress('starting');
const daemon = await startDaemon(values.db, Number(values.port), progress);
progress('reconciling');
emit({ type: 'reconciling' });
const report = await daemon.ledger.reconcile();
daemon.ledger.start();
emit({ type: 'reconciled', detail: JSON.stringify(report) });

let running = false;
async function actor(ctx: ActorContext): Promise<void> {
  while (running) {
    try {
      await runOneJob(ctx);
    } catch (error) {
      emit({
        type: 'error',
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, ctx.random.int(0, 20)));
  }
}

for (;;) {
  const command = await nextCommand();
  if (command === null || command.type === 'stop') break;
  if (command.type === 'settle') {
    try {
      daemon.ledger.technician.settle(command.dossierId, command.found as DossierState, 'T01');
      emit({ type: 'settled', dossierId: command.dossierId, found: command.found });
    } catch (error) {
      emit({ type: 'settle_failed', dossierId: command.dossierId, reason: (error as Error).message });
    }
  } else if (command.type === 'go' && !running) {
    running = true;
    const busy = new Set<number>();
    for (let i = 0; i < ACTORS; i++) {
      void actor({ daemon, random: seededRandom(command.seed + i), wallet, busy, emit });
    }
  }
}
running = false;
await stopDaemon(daemon);
process.exit(0);
