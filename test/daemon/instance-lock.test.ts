import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockError } from '../../src/daemon/instance-lock';

const dir = mkdtempSync(join(tmpdir(), 'instance-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOOT = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** The pid of a process that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout as unknown as number;
}

describe('one daemon per database', () => {
  it('takes the lock, refuses it to another running process, and releases it', () => {
    const file = join(dir, 'a.lock');
    const release = acquireInstanceLock(file);
    const [pid, boot] = readFileSync(file, 'utf8').trim().split(' ');
    expect(pid).toBe(String(process.pid));
    // process 1 (init) is alive and is not us: it stands for a second daemon holding the lock.
    writeFileSync(join(dir, 'b.lock'), `1 ${boot}\n`);
    expect(() => acquireInstanceLock(join(dir, 'b.lock'))).toThrow(InstanceLockError);
    expect(() => acquireInstanceLock(join(dir, 'b.lock'))).toThrow(/pid 1\b/);
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const file = join(dir, 'stale.lock');
    writeFileSync(file, `${Number(deadPid())} ${BOOT}\n`);
    const release = acquireInstanceLock(file);
    expect(readFileSync(file, 'utf8').trim()).toBe(`${process.pid} ${BOOT}`);
    release();
  });

  it('takes over a lock written before this boot, even if its pid now runs', () => {
    const file = join(dir, 'before-boot.lock');
    writeFileSync(file, '1 00000000-0000-0000-0000-000000000000\n');
    const release = acquireInstanceLock(file);
    expect(readFileSync(file, 'utf8').trim()).toBe(`${process.pid} ${BOOT}`);
    release();
  });
});
