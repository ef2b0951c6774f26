/**
 * `npm run soak:link -- --ops 100000 [--dialect line|kerong|8a|modbus] [--echo]`: the link against a
 * lossy simulated bus of that board family (link-soak-buses.ts); with --echo the cable sends our
 * own bytes back first. Fails (exit 1) if any door fired twice for one command (judged at the
 * end, so a late refire counts) or a board received an open again without a status read in
 * between.
 */
import { parseArgs } from 'node:util';
import { SOAK_DIALECTS, type SoakDialect } from './link-soak-buses';
import { runLinkSoak } from './link-soak-run';

const { values } = parseArgs({
  options: {
    ops: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'line' },
    seed: { type: 'string' },
    echo: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
const ops = Number(values.ops);
const dialect = values.dialect as SoakDialect;
if (!Number.isInteger(ops) || ops < 1 || !SOAK_DIALECTS.includes(dialect)) {
  console.error(
    `usage: npm run soak:link -- --ops N [--dialect ${SOAK_DIALECTS.join('|')}] [--echo] [--seed N]`,
  );
  process.exit(2);
}
const report = await runLinkSoak({
  ops,
  dialect,
  seed: values.seed === undefined ? undefined : Number(values.seed),
  echo: values.echo,
  log: (line) => console.log(`  ${line}`),
});
console.log(`dialect                       ${report.dialect}${report.echo ? ', echoing adapter' : ''}`);
if (report.echo) console.log(`echo bytes dropped            ${report.echoBytes}`);
console.log(
  `operations                    ${report.operations} (${report.opens} opens, ${report.statusReads} status reads, ${report.statusReadFailures} failed)`,
);
for (const [kind, count] of Object.entries(report.outcomes))
  console.log(`outcome ${kind.padEnd(22)}${count}`);
console.log(
  `faults injected               dropped ${report.faults.dropped}, corrupted ${report.faults.corrupted}, duplicated ${report.faults.duplicated}`,
);
console.log(`open retries (link's count)   ${report.openRetries}`);
console.log(`repeat opens at the boards    ${report.repeatedOpensReceived}`);
console.log(`reconnects                    ${report.reconnects}`);
console.log(`uncommanded opens             ${report.uncommandedOpens}`);
for (const line of report.uncommanded) console.log(`  ${line}`);
console.log(`double opens                  ${report.doubleOpens} (0 expected)`);
console.log(`fires outside an open call    ${report.firesOutsideAnOpen}`);
console.log(
  `blind resends                 ${report.opensWithoutStatusRead} (0 expected; opens resent without a status read, by the boards' record)`,
);
console.log(`took                          ${report.seconds.toFixed(1)} s`);
if (report.doubleOpens !== 0 || report.firesOutsideAnOpen !== 0 || report.opensWithoutStatusRead !== 0) {
  for (const problem of report.problems) console.error(`  ${problem}`);
  console.error('FAIL: a door fired twice for one command, or an open was resent without a status read');
  process.exit(1);
}
