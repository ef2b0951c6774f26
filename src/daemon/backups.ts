import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { type BackupSchedule, createBackupSchedule, type Store } from '../store';

const BACKUP_FILE = /^ledger-\d{8}T\d{9}Z\.db$/;

/** When the newest backup in `dir` was written (ms since the epoch), or null if there is none. */
export function newestBackupAt(dir: string): number | null {
  let newest: number | null = null;
  for (const name of readdirSync(dir)) {
    if (!BACKUP_FILE.test(name)) continue;
    const at = statSync(join(dir, name)).mtimeMs;
    if (newest === null || at > newest) newest = at;
  }
  return newest;
}

export interface BackupPlan {
  readonly dir: string;
  readonly everyMs: number;
  readonly keep: number;
}

/**
 * Backups every `everyMs`, and one soon after start when the newest is already older than that:
 * a kiosk restarted every night would otherwise never reach its first timer.
 */
export function startBackups(
  store: Store,
  plan: BackupPlan,
  clock: () => number,
  log: Logger,
): Pick<BackupSchedule, 'runNow'> & { stop(): Promise<void> } {
  const schedule = createBackupSchedule({
    backupTo: (file) => store.backupTo(file),
    dir: plan.dir,
    intervalMs: plan.everyMs,
    keep: plan.keep,
    onResult: (r) => log.info({ bytes: r.bytes, ms: Math.round(r.ms) }, 'backup taken'),
    onError: (e) => log.error({ err: (e as Error).message }, 'backup failed'),
  });
  schedule.start();
  const newest = newestBackupAt(plan.dir);
  let overdue: Promise<void> = Promise.resolve();
  if (newest === null || clock() - newest >= plan.everyMs) {
    overdue = schedule.runNow().then(
      (r) => log.info({ bytes: r.bytes, ms: Math.round(r.ms), overdue: true }, 'backup taken'),
      (e: Error) => log.error({ err: e.message }, 'backup failed'),
    );
  }
  return {
    runNow: () => schedule.runNow(),
    // The store closes after this: a backup under way finishes first, whole.
    async stop() {
      schedule.stop();
      await overdue;
    },
  };
}
