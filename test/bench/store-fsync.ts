/**
 * fsyncs per kiosk cycle, counted by the kernel: store-fsync-child.ts runs under
 * `strace -f -c -e trace=fsync,fdatasync` once with no cycle and once with `cycles`, and the
 * difference is divided by `cycles` (opening, reconciliation and closing cancel out). Every sync
 * the store asks for is counted: each commit's log sync under synchronous=FULL, the log header's
 * sync when a restarted log takes its first commit, and the idle checkpoints' syncs of the log
 * and the database file. null when strace is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function syncCalls(path: string, cycles: number): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'fsync-'));
  try {
    const out = join(dir, 'strace.txt');
    const run = spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-c',
        '-e',
        'trace=fsync,fdatasync',
        '-o',
        out,
        process.execPath,
        '--import',
        'tsx',
        join(here, 'store-fsync-child.ts'),
        path,
        String(cycles),
      ],
      { encoding: 'utf8', cwd: join(here, '..', '..') },
    );
    if (run.error) return null;
    if (run.status !== 0) throw new Error(`fsync child failed: ${run.stderr}`);
    let calls = 0;
    for (const line of readFileSync(out, 'utf8').split('\n')) {
      const m = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(fsync|fdatasync)\s*$/.exec(line);
      if (m) calls += Number(m[1]);
    }
    return calls;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function fsyncsPerCycle(path: string, cycles: number): number | null {
  const base = syncCalls(path, 0);
  const withCycles = syncCalls(path, cycles);
  if (base === null || withCycles === null) return null;
  return (withCycles - base) / cycles;
}
