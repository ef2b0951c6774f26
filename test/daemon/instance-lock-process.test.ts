import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasedAfterEach } from '../support/release';
import { type DaemonProcess, launchDaemon, scratchConfig } from './daemon-process';

const later = releasedAfterEach();

const started = (d: DaemonProcess) => d.line('kiosk started');

describe('the instance lock, with daemons as processes', () => {
  it('refuses a second daemon while the first runs, and lets a new one start at once after a SIGKILL', async () => {
    const config = scratchConfig(later);
    const first = launchDaemon(later, config.file);
    await started(first);

    const second = launchDaemon(later, config.file);
    expect((await second.exited).code).toBe(1);
    expect(second.stderr).toMatch(/another kiosk daemon \(pid \d+\) is using this database/);

    first.signal('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // No clean-up ran in the killed daemon: the kernel released its lock with it.
    const third = launchDaemon(later, config.file);
    await started(third);
  });

  it('trusts no pid: lock and pid files naming a live unrelated process (the test runner) do not block', async () => {
    const config = scratchConfig(later);
    // The former pid-file format, at its former name, naming a process alive in this boot.
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    writeFileSync(join(config.dir, 'ledger.db.lock'), `${process.pid} ${boot}\n`);
    // An empty lock database, as a crash before any write could leave it.
    writeFileSync(join(config.dir, 'ledger.db.instance-lock'), '');
    const daemon = launchDaemon(later, config.file);
    await started(daemon);
  });
});
