import Database from 'better-sqlite3';

/**
 * An exclusive lock on `file` held by this process until `release` or its death. Node has no
 * flock in core, so the lock is SQLite's: a small database opened with `locking_mode=EXCLUSIVE`
 * and kept inside a `BEGIN EXCLUSIVE` transaction that never ends. SQLite takes it with POSIX
 * advisory locks (fcntl), which the kernel drops when the process dies (SIGKILL and power cut
 * included), whatever pid the next process gets: unlike a pid file, nothing stale is left to
 * trust. Returns the release function, or null when another process (or another connection of
 * this one) holds the lock.
 */
export function holdInstanceLock(file: string): (() => void) | null {
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of waiting 5 s for it.
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (busy(error)) return null;
    throw error;
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    db.exec('ROLLBACK');
    db.close();
  };
}

function busy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
