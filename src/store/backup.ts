import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';

export type BackupResult = { readonly file: string; readonly bytes: number; readonly ms: number };

/**
 * Copies the live database with SQLite's online backup API, which reads a consistent snapshot
 * (WAL content included) while the writer keeps working. Copying the file with the filesystem
 * would miss or tear the -wal; the backup is written under a temporary name and renamed only when
 * complete, so a crash never leaves a half backup under the real name.
 */
export async function backupDatabase(db: Database, file: string): Promise<BackupResult> {
  const started = performance.now();
  const partial = `${file}.partial`;
  if (existsSync(`${partial}-wal`)) {
    throw new StoreError(
      'BACKUP_FAILED',
      `${partial}-wal exists: a previous backup was interrupted; look before retrying`,
    );
  }
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
  } catch (error) {
    throw new StoreError('BACKUP_FAILED', `backup to ${file} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, ms: performance.now() - started };
}
