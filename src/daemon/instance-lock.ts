import { readFileSync, statSync } from 'node:fs';
import { holdInstanceLock } from '../store';

export class InstanceLockError extends Error {
  constructor(
    readonly file: string,
    readonly holder: number | null,
  ) {
    const who = holder === null ? 'another kiosk daemon' : `another kiosk daemon (pid ${holder})`;
    super(`${who} is using this database (${file}); stop it first`);
    this.name = 'InstanceLockError';
  }
}

/**
 * One daemon per database: a second one would reconcile the first one's open doors as if they had
 * been left by a crash, and fight it for the serial ports. The lock is an OS lock on `file`, held
 * for the life of the process (src/store/instance-lock.ts): the kernel drops it when the process
 * dies, so a crash, a kill -9 or a power cut leaves nothing to take over, and no pid is trusted
 * (a pid is reused, and a zombie still answers kill 0). Returns the release function.
 */
export function acquireInstanceLock(file: string): () => void {
  const release = holdInstanceLock(file);
  if (!release) throw new InstanceLockError(file, lockHolder(file));
  return release;
}

/**
 * For the message only, never for the decision: the pid the kernel lists as holding a lock on the
 * file's inode (/proc/locks, Linux), or null where it cannot tell.
 */
function lockHolder(file: string): number | null {
  try {
    const inode = statSync(file).ino;
    for (const row of readFileSync('/proc/locks', 'utf8').split('\n')) {
      // "1: POSIX  ADVISORY  WRITE 4242 08:02:1234567 1073741824 1073741825"
      const cols = row.trim().split(/\s+/);
      if (cols[1] !== 'POSIX' || cols[5]?.split(':')[2] !== String(inode)) continue;
      const pid = Number.parseInt(cols[4] ?? '', 10);
      if (pid > 0 && pid !== process.pid) return pid;
    }
  } catch {
    // no /proc (another OS) or the file vanished: the message goes without a pid
  }
  return null;
}
