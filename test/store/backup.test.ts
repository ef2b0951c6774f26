import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupResult } from '../../src/store/backup';
import { createBackupSchedule } from '../../src/store/backup-schedule';
import { openStore, type Store } from '../../src/store/database';
import { newReceipt, seedBasics, T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir('store-backup-');
  store = openStore(tmp.file('ledger.db'));
  seedBasics(store);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function someHistory(n: number): void {
  store.write(() => {
    for (let i = 0; i < n; i++) {
      const id = store.dossiers.insert({
        receiptNo: newReceipt(),
        procedureCode: 'HT.01',
        origin: 'online',
        state: 'ready',
        createdAt: T0 + i,
      });
      store.audit.append({
        actor: 'staff:S01',
        action: 'dossier.registered',
        subject: `dossier:${id}`,
        at: T0 + i,
      });
    }
  });
}

describe('backupTo', () => {
  it('finishes while the writer keeps committing, with every row committed before it began', async () => {
    // Some 2,500 pages, 25 of the backup API's 100-page steps.
    store.write(() => {
      for (let i = 0; i < 2500; i++) {
        store.audit.append({
          actor: 'system',
          action: 'bench.filler',
          at: T0 + i,
          detail: { text: 'x'.repeat(3000) },
        });
      }
    });
    const before = store.audit.exportHead();
    const backup = store.backupTo(tmp.file('busy.db'));
    let settled = false;
    void backup.finally(() => {
      settled = true;
    });
    // Commits without pause (a turn of the event loop every two, for the worker's answer). A copy
    // in 100-page steps from the worker's connection starts again after each commit: on a 36 MB
    // file with a commit every 20 ms it took 43 s, against 0.2 s in one step (backup.ts). This
    // file is too small to show that reliably; the test holds the copy to finishing, whole.
    let commits = 0;
    while (!settled && commits < 2_000) {
      someHistory(1);
      commits += 1;
      if (commits % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(settled).toBe(true);
    await backup;
    const copy = openStore(tmp.file('busy.db'), { idleCheckpointMs: null });
    try {
      expect(copy.audit.verifyChain().ok).toBe(true);
      expect(copy.audit.exportHead().seq).toBeGreaterThanOrEqual(before.seq);
    } finally {
      copy.close();
    }
  });

  it('writes a copy that opens, passes integrity_check and verifies its audit chain', async () => {
    someHistory(20);
    // These commits are still in the -wal (no checkpoint yet): the backup must include them.
    expect(existsSync(tmp.file('ledger.db-wal'))).toBe(true);
    const head = store.audit.exportHead();
    const result = await store.backupTo(tmp.file('copy.db'));
    expect(result.file).toBe(tmp.file('copy.db'));
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(tmp.file('copy.db.partial'))).toBe(false);

    const copy = openStore(tmp.file('copy.db'), { quickCheck: 'startup' });
    expect(copy.checkNow('integrity_check')).toMatchObject({ ok: true });
    expect(copy.audit.verifyChain(head)).toEqual({ ok: true, count: 20, head });
    expect(copy.lockers.list()).toHaveLength(4);
    copy.close();
    // The live database kept its -wal: a backup never touches it.
    expect(existsSync(tmp.file('ledger.db-wal'))).toBe(true);
  });
});

describe('backup schedule', () => {
  it('keeps only the newest N backups and starts no timer unless asked', async () => {
    someHistory(3);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = Date.UTC(2026, 10, 21, 0, 0, 0);
    writeFileSync(tmp.file('unrelated.db'), 'not ours');
    const schedule = createBackupSchedule({
      backupTo: (file) => store.backupTo(file),
      dir: tmp.dir,
      intervalMs: 3_600_000,
      keep: 2,
      now: () => {
        clock += 3_600_000;
        return new Date(clock);
      },
    });
    expect(vi.getTimerCount()).toBe(0);
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await schedule.runNow()).file);
    const backups = readdirSync(tmp.dir)
      .filter((f) => f.startsWith('ledger-'))
      .sort();
    expect(backups).toEqual(made.slice(2).map((f) => f.slice(tmp.dir.length + 1)));
    expect(existsSync(tmp.file('unrelated.db'))).toBe(true);
    expect(existsSync(tmp.file('ledger.db'))).toBe(true);

    schedule.start();
    expect(vi.getTimerCount()).toBe(1);
    schedule.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('takes a backup when its interval elapses, one per interval, and none once stopped', async () => {
    // Only the interval is faked: the backup API steps on real setImmediate turns.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let clock = Date.UTC(2026, 10, 21, 0, 0, 0);
      let nextResult: ((r: BackupResult) => void) | null = null;
      const taken: BackupResult[] = [];
      const schedule = createBackupSchedule({
        backupTo: (file) => store.backupTo(file),
        dir: tmp.dir,
        intervalMs: 6 * 3_600_000,
        keep: 5,
        now: () => new Date(clock),
        onResult: (r) => {
          taken.push(r);
          nextResult?.(r);
        },
        onError: (e) => {
          throw e;
        },
      });
      const backups = () => readdirSync(tmp.dir).filter((f) => /^ledger-.*\.db$/.test(f));
      /** Moves the clocks by `ms` and resolves with the backup the timer starts then. */
      const advance = (ms: number) => {
        const done = new Promise<BackupResult>((resolve) => {
          nextResult = resolve;
        });
        clock += ms;
        vi.advanceTimersByTime(ms);
        return done;
      };

      someHistory(4);
      schedule.start();
      vi.advanceTimersByTime(6 * 3_600_000 - 1);
      clock += 6 * 3_600_000 - 1;
      expect(taken).toEqual([]);
      expect(backups()).toEqual([]);

      const first = await advance(1);
      expect(backups()).toEqual(['ledger-20261121T060000000Z.db']);
      // The file is a whole ledger: it opens and carries the history written before it.
      const head = store.audit.exportHead();
      const copy = openStore(first.file);
      expect(copy.audit.verifyChain(head)).toEqual({ ok: true, count: 4, head });
      copy.close();

      someHistory(2);
      const second = await advance(6 * 3_600_000);
      expect(backups()).toHaveLength(2);
      const later = openStore(second.file);
      expect(later.audit.exportHead().seq).toBe(6);
      later.close();

      schedule.stop();
      vi.advanceTimersByTime(24 * 3_600_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(taken).toHaveLength(2);
      expect(backups()).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
