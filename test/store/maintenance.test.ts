import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMaintenanceGate } from '../../src/store/maintenance';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A job that records when it starts and ends, and finishes when told to. */
function job(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    run: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
      return name;
    },
    finish: () => finish(),
  };
}

describe('the maintenance gate', () => {
  it('never runs two long reads at once: a backup waits for the walk under way', async () => {
    const log: string[] = [];
    const gate = createMaintenanceGate({ doorOperationOpen: () => false });
    const walk = job(log, 'walk');
    const backup = job(log, 'backup');
    const walked = gate.run(walk.run);
    const backedUp = gate.run(backup.run, { quiet: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['walk start']);
    walk.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['walk start', 'walk end', 'backup start']);
    backup.finish();
    expect(await Promise.all([walked, backedUp])).toEqual(['walk', 'backup']);
  });

  it('starts a backup only once no door operation is open, and not for ever later', async () => {
    const log: string[] = [];
    let open = true;
    const gate = createMaintenanceGate({ doorOperationOpen: () => open, pollMs: 500, maxWaitMs: 60_000 });
    const backup = job(log, 'backup');
    void gate.run(backup.run, { quiet: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log).toEqual([]);
    open = false;
    await vi.advanceTimersByTimeAsync(500);
    expect(log).toEqual(['backup start']);
    backup.finish();

    const stuck = createMaintenanceGate({ doorOperationOpen: () => true, pollMs: 500, maxWaitMs: 60_000 });
    const late = job(log, 'late');
    void stuck.run(late.run, { quiet: true });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(log).not.toContain('late start');
    await vi.advanceTimersByTimeAsync(1500);
    expect(log).toContain('late start');
    late.finish();
  });

  it('a failed job does not stop the ones behind it', async () => {
    const gate = createMaintenanceGate({ doorOperationOpen: () => false });
    const failed = gate.run(async () => {
      throw new Error('disk full');
    });
    await expect(failed).rejects.toThrow('disk full');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
