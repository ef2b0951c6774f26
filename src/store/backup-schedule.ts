import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupResult } from './backup';

export type BackupScheduleOptions = {
  readonly backupTo: (file: string) => Promise<BackupResult>;
  readonly dir: string;
  readonly intervalMs: number;
  /** How many backup files to keep; older ones are deleted after each successful backup. */
  readonly keep: number;
  readonly prefix?: string;
  readonly now?: () => Date;
  readonly onResult?: (result: BackupResult) => void;
  readonly onError?: (error: unknown) => void;
};

export type BackupSchedule = {
  /** One backup now (then pruning), whether or not the timer runs. */
  runNow(): Promise<BackupResult>;
  /** Starts the interval timer (unref'd: it never keeps the process alive). */
  start(): void;
  stop(): void;
};

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

/** Creating a schedule starts nothing: the timer runs only after start(). */
export function createBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const prefix = options.prefix ?? 'ledger';
  const now = options.now ?? (() => new Date());
  const pattern = new RegExp(`^${prefix.replace(/[^A-Za-z0-9_-]/g, '')}-\\d{8}T\\d{9}Z\\.db$`);
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<BackupResult> | undefined;

  function prune(): void {
    // Only whole backup files of ours match the pattern; -wal, -shm and .partial names never do.
    const ours = readdirSync(options.dir)
      .filter((f) => pattern.test(f))
      .sort()
      .reverse();
    for (const old of ours.slice(Math.max(1, options.keep))) rmSync(join(options.dir, old));
  }

  async function runNow(): Promise<BackupResult> {
    if (inFlight) return inFlight;
    inFlight = (async () => {
      const result = await options.backupTo(join(options.dir, `${prefix}-${stamp(now())}.db`));
      prune();
      return result;
    })();
    try {
      return await inFlight;
    } finally {
      inFlight = undefined;
    }
  }

  return {
    runNow,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        runNow().then(options.onResult, options.onError ?? (() => {}));
      }, options.intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
