import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockError } from '../../src/daemon/instance-lock';
import { holdInstanceLock } from '../../src/store';

const dir = mkdtempSync(join(tmpdir(), 'instance-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process holding the lock on `file` through the store's primitive, until killed. */
async function holderProcess(file: string) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)}, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('held\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  return { pid: child.pid!, kill };
}

describe('one daemon per database', () => {
  it('takes the lock, refuses it while held, and gives it again once released', () => {
    const file = join(dir, 'a.lock');
    const release = acquireInstanceLock(file);
    expect(holdInstanceLock(file)).toBeNull();
    expect(() => acquireInstanceLock(file)).toThrow(InstanceLockError);
    release();
    release(); // twice is harmless (teardown after a failed start)
    const again = acquireInstanceLock(file);
    again();
  });

  it('names the pid of another process holding it, and takes it at once when that process is killed', async () => {
    const file = join(dir, 'b.lock');
    const holder = await holderProcess(file);
    try {
      expect(() => acquireInstanceLock(file)).toThrow(
        new RegExp(`another kiosk daemon \\(pid ${holder.pid}\\)`),
      );
    } finally {
      await holder.kill();
    }
    // SIGKILL: no clean-up ran; the kernel dropped the lock with the process.
    acquireInstanceLock(file)();
  });

  it('a lock file left behind by a crash does not block', () => {
    const file = join(dir, 'stale.lock');
    writeFileSync(file, ''); // an empty file is an empty database: what a crash can leave
    acquireInstanceLock(file)();
  });
});
