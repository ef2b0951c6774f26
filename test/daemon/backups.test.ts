import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { newestBackupAt, startBackups } from '../../src/daemon/backups';
import { openStore, type Store } from '../../src/store';
import { releasedAfterEach, tempDir } from '../support/release';

const DAY = 86_400_000;
const silent = pino({ level: 'silent' });
const later = releasedAfterEach();

function setUp(previous: { name: string; ageMs: number } | null): { store: Store; backups: string } {
  const dir = tempDir('backups-', later);
  const backups = join(dir, 'backups');
  mkdirSync(backups);
  if (previous) {
    const file = join(backups, previous.name);
    writeFileSync(file, 'an earlier backup');
    const at = (Date.now() - previous.ageMs) / 1000;
    utimesSync(file, at, at);
  }
  const store = openStore(join(dir, 'ledger.db'));
  later(() => store.close());
  return { store, backups };
}

describe('backups at start-up', () => {
  it('a first start takes a backup at once', async () => {
    const { store, backups } = setUp(null);
    expect(newestBackupAt(backups)).toBeNull();
    const running = startBackups(store, { dir: backups, everyMs: DAY, keep: 3 }, Date.now, silent);
    await running.stop();
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^ledger-\d{8}T\d{9}Z\.db$/)]);
  });

  it('a backup older than the interval is overdue: a new one is taken at start', async () => {
    const { store, backups } = setUp({ name: 'ledger-20261101T000000000Z.db', ageMs: 2 * DAY });
    const running = startBackups(store, { dir: backups, everyMs: DAY, keep: 3 }, Date.now, silent);
    await running.stop();
    expect(readdirSync(backups)).toHaveLength(2);
  });

  it('a recent backup is left to the timer', async () => {
    const { store, backups } = setUp({ name: 'ledger-20261121T000000000Z.db', ageMs: DAY / 2 });
    const running = startBackups(store, { dir: backups, everyMs: DAY, keep: 3 }, Date.now, silent);
    await running.stop();
    expect(readdirSync(backups)).toEqual(['ledger-20261121T000000000Z.db']);
  });
});
