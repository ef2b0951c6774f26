/**
 * `npm run bench [-- --json FILE] [-- --only PREFIX]`: runs every test/bench/*.bench.ts in turn
 * (one at a time: the machine has two cores and a benchmark must not share them with another),
 * prints each metric as it comes, and writes one JSON object of metric -> number when asked.
 *
 * A bench module exports `run(log)` returning metric -> number. Ratios are computed inside the
 * module from figures measured in the same run, never against remembered numbers.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDaemon } from '../../scripts/build-daemon.mjs';

export type BenchLog = (line: string) => void;
export type BenchModule = { run(log: BenchLog): Promise<Record<string, number>> };

const { values } = parseArgs({
  options: { json: { type: 'string' }, only: { type: 'string' } },
  allowPositionals: false,
});

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !values.only || f.startsWith(values.only))
  .sort();

// The benches that start the daemon as a process start what `npm start` runs: build it first.
await buildDaemon(join(here, '..', '..'));

const results: Record<string, number> = {};
for (const file of files) {
  const started = performance.now();
  console.log(`# ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  const metrics = await mod.run((line) => console.log(`  ${line}`));
  for (const [name, value] of Object.entries(metrics)) {
    results[name] = value;
    console.log(`${name.padEnd(40)} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${values.json}`);
}
