/**
 * `npm run seed -- --dossiers 1000000 --db var/bench-1m.db [--days 365]`: fills a fresh ledger
 * file with synthetic history ending 2026-11-01 for the store benchmarks (a year by default).
 * The file lives under var/ (not in git).
 */
import { parseArgs } from 'node:util';
import { defaultBenchPath, seedBenchDatabase } from './seed-database';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000000' },
    db: { type: 'string' },
    days: { type: 'string', default: '365' },
  },
  allowPositionals: false,
});

const dossiers = Number(values.dossiers);
if (!Number.isInteger(dossiers) || dossiers < 1) {
  console.error(`--dossiers must be a positive integer (got ${values.dossiers})`);
  process.exit(2);
}
const days = Number(values.days);
if (!(days > 0)) {
  console.error(`--days must be a positive number (got ${values.days})`);
  process.exit(2);
}
const path = values.db ?? defaultBenchPath(dossiers);
console.log(`seeding ${dossiers} dossiers into ${path}`);
const report = seedBenchDatabase(path, dossiers, (line) => console.log(`  ${line}`), days);
console.log(
  `done: ${report.dossiers} dossiers in ${report.seconds.toFixed(1)} s, ` +
    `${(report.bytes / 1e6).toFixed(1)} MB, ${report.bytesPerDossier.toFixed(0)} bytes per dossier`,
);
