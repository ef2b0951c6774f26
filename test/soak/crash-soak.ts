/**
 * `npm run soak:crash -- --crashes 1000 [--seed S]`: the ledger crash loop for as long as asked.
 * The daemon runs in a child process killed with SIGKILL at random moments; after every restart
 * the reconciled ledger is checked against the physical doors. Exits non-zero on any violation.
 */
import { parseArgs } from 'node:util';
import { OPERATION_KINDS } from '../ledger/crash/protocol';
import { runCrashRounds } from '../ledger/crash/run-crashes';

const { values } = parseArgs({
  options: {
    crashes: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
  },
  allowPositionals: false,
});
const crashes = Number(values.crashes);
const seed = Number(values.seed);
if (!Number.isInteger(crashes) || crashes < 1 || !Number.isInteger(seed)) {
  console.error('usage: crash-soak.ts --crashes N (>= 1) [--seed S]');
  process.exit(2);
}

console.log(`crash soak: ${crashes} crashes, seed ${seed}`);
const summary = await runCrashRounds({ crashes, seed, log: (line) => console.log(`  ${line}`) });

console.log(`crashes                      ${summary.crashes}`);
const k = summary.startupKills;
console.log(`  of them during start-up     ${k.total}`);
console.log(`    before reconciliation     ${k.beforeReconciling}`);
console.log(`    during reconciliation     ${k.duringReconciliation}`);
console.log(`      part-way through settling ${k.midSettlement}`);
console.log(`    after it had finished     ${k.afterReconciled}`);
console.log(`acknowledged deposits        ${summary.acknowledgedDeposits}`);
for (const kind of OPERATION_KINDS) console.log(`operations ${kind.padEnd(18)}${summary.operations[kind]}`);
for (const [outcome, n] of Object.entries(summary.outcomes).sort())
  console.log(`  ${outcome.padEnd(40)} ${n}`);
console.log(`needs_inspection settled     ${summary.inspectionsSettled}`);
console.log(`settle refusals              ${summary.settleFailures.length}`);
for (const failure of summary.settleFailures.slice(0, 10)) console.log(`  ${failure}`);
console.log(`worker errors                ${summary.workerErrors.length}`);
for (const error of summary.workerErrors.slice(0, 10)) console.log(`  ${error}`);
const h = summary.hands;
console.log(
  `hands                        ${h.opensSeen} opens seen, ${h.put} put, ${h.taken} taken, ${h.closedUntouched} untouched, ${h.leftOpen} left open`,
);
console.log(
  `start to reconciled           mean ${summary.restartMs.mean.toFixed(0)} ms, max ${summary.restartMs.max.toFixed(0)} ms`,
);
console.log(
  `reconciling to reconciled     mean ${summary.reconcileMs.mean.toFixed(0)} ms, max ${summary.reconcileMs.max.toFixed(0)} ms`,
);
console.log(`waiting for hands            ${summary.handsWaitSeconds.toFixed(1)} s`);
console.log(`invariant violations         ${summary.violations.length}`);
for (const violation of summary.violations.slice(0, 20)) console.log(`  ${violation}`);
console.log(`time                         ${summary.seconds.toFixed(0)} s`);
process.exit(summary.violations.length === 0 ? 0 : 1);
