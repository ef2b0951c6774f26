import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class InstanceLockError extends Error {
  constructor(
    readonly file: string,
    readonly holder: number,
  ) {
    super(`another kiosk daemon (pid ${holder}) is using this database (${file}); stop it first`);
    this.name = 'InstanceLockError';
  }
}

/** Changes at every boot: a lock written before a power cut names a pid of another life. */
function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the lock.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One daemon per database: a second one would reconcile the first one's open doors as if they had
 * been left by a crash, and fight it for the serial ports. The lock is a file holding the pid and
 * the boot id, created exclusively; one left by a process that no longer runs (a crash) or by an
 * earlier boot (a power cut: its pid may now be someone else's) is taken over. Returns the
 * release function.
 */
export function acquireInstanceLock(file: string, pid = process.pid): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, `${pid} ${bootId()}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        if (readHolder(file)?.pid === pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.pid !== pid && holder.boot === bootId() && alive(holder.pid)) {
        throw new InstanceLockError(file, holder.pid);
      }
      rmSync(file, { force: true }); // stale: its process is gone, or it ran before this boot
    }
  }
  throw new InstanceLockError(file, readHolder(file)?.pid ?? -1);
}

function readHolder(file: string): { pid: number; boot: string } | null {
  try {
    const [pidText, boot = ''] = readFileSync(file, 'utf8').trim().split(' ');
    const pid = Number.parseInt(pidText ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, boot } : null;
  } catch {
    return null;
  }
}
