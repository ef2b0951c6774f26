import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../src/store/database';
import { LOG_RESTARTED_KEY } from '../../src/store/idle-checkpoint';
import { newReceipt, seedBasics, T0, tempDir } from './fixtures';

const WAL_HEADER = 32;
const FRAME = 24 + 4096;

/**
 * Frames of the log's current generation, read from the -wal file itself: a restart writes a
 * new header with new salts, and frames left over from before carry the old ones.
 */
function currentFrames(walFile: string): number {
  const wal = readFileSync(walFile);
  if (wal.length < WAL_HEADER) return 0;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let frames = 0;
  for (let at = WAL_HEADER; at + FRAME <= wal.length; at += FRAME) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    frames += 1;
  }
  return frames;
}

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let file: string;

function someDossiers(n: number): void {
  store.write(() => {
    for (let i = 0; i < n; i++) {
      store.dossiers.insert({
        receiptNo: newReceipt(),
        procedureCode: 'HT.01',
        origin: 'online',
        state: 'ready',
        createdAt: T0 + i,
      });
    }
  });
}

beforeEach(() => {
  tmp = tempDir('store-idle-');
  file = tmp.file('ledger.db');
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('checkpoint and log restart in idle time', () => {
  beforeEach(() => {
    store = openStore(file, { idleCheckpointMs: null });
    seedBasics(store);
  });

  it('copies the log back and restarts it, so the next commit writes from its start', () => {
    someDossiers(300);
    const before = currentFrames(`${file}-wal`);
    expect(before).toBeGreaterThan(10);

    const done = store.checkpointIdle();
    expect(done).toMatchObject({ restarted: true });
    expect(done!.checkpointed).toBe(done!.frames);
    // The marker commit restarted the log: it is the one frame of the new generation.
    expect(currentFrames(`${file}-wal`)).toBe(1);
    expect(store.settings.get(LOG_RESTARTED_KEY)).toEqual(expect.any(Number));

    store.write(() => store.settings.set('some.switch', true, T0));
    expect(currentFrames(`${file}-wal`)).toBe(2);
  });

  it('does nothing when nothing was written since, or inside a transaction', () => {
    someDossiers(5);
    expect(store.checkpointIdle()).not.toBeNull();
    // The marker commit itself does not call for another round.
    expect(store.checkpointIdle()).toBeNull();
    someDossiers(1);
    expect(store.write(() => store.checkpointIdle())).toBeNull();
    expect(store.checkpointIdle()).toMatchObject({ restarted: true });
  });

  it('leaves the log alone while a reader holds a snapshot, and finishes once it is gone', () => {
    someDossiers(50);
    const reader = new Database(file, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM dossiers').get();
      someDossiers(50);
      const held = store.checkpointIdle();
      expect(held).toMatchObject({ restarted: false });
      expect(held!.checkpointed).toBeLessThan(held!.frames);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    // Nothing new was written, yet the unfinished round is retried.
    expect(store.checkpointIdle()).toMatchObject({ restarted: true });
    expect(currentFrames(`${file}-wal`)).toBe(1);
  });

  it('loses nothing: every commit is in the file after checkpoints, restarts and a reopen', () => {
    for (let round = 0; round < 20; round++) {
      someDossiers(7);
      if (round % 3 !== 2) store.checkpointIdle();
    }
    store.close();
    store = openStore(file, { idleCheckpointMs: null });
    expect(store.reports.periodFigures(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).received).toBe(140);
    expect(store.checkNow('integrity_check').ok).toBe(true);
  });
});

describe('the idle timer', () => {
  it('runs the idle work once commits have been quiet for the set time', async () => {
    store = openStore(file, { idleCheckpointMs: 30, idleCheckpointMinCommits: 1 });
    seedBasics(store);
    someDossiers(100);
    expect(store.settings.get(LOG_RESTARTED_KEY)).toBeUndefined();
    await vi.waitFor(() => expect(store.settings.get(LOG_RESTARTED_KEY)).toEqual(expect.any(Number)), {
      timeout: 5000,
      interval: 20,
    });
    expect(currentFrames(`${file}-wal`)).toBe(1);
  });

  it('waits while commits keep coming', async () => {
    store = openStore(file, { idleCheckpointMs: 200, idleCheckpointMinCommits: 1 });
    seedBasics(store);
    const started = Date.now();
    let lastCommitAt = started;
    let longestGap = 0;
    // Commits every 20 ms for about half a second: 200 ms of quiet never comes, unless the
    // machine itself stalls that long.
    while (Date.now() - started < 500) {
      // Read before the commit: the store's own reading comes after it.
      const now = Date.now();
      someDossiers(1);
      longestGap = Math.max(longestGap, now - lastCommitAt);
      lastCommitAt = now;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (longestGap < 150) expect(store.settings.get(LOG_RESTARTED_KEY)).toBeUndefined();
    await vi.waitFor(
      () => expect(Number(store.settings.get(LOG_RESTARTED_KEY))).toBeGreaterThanOrEqual(lastCommitAt + 200),
      { timeout: 5000, interval: 20 },
    );
  });

  it('stops with the store', async () => {
    store = openStore(file, { idleCheckpointMs: 10, idleCheckpointMinCommits: 1 });
    seedBasics(store);
    someDossiers(3);
    store.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const check = openStore(file, { idleCheckpointMs: null });
    try {
      expect(check.settings.get(LOG_RESTARTED_KEY)).toBeUndefined();
    } finally {
      check.close();
    }
  });

  it('at a quiet moment, leaves a short log for later: a round costs four syncs', () => {
    store = openStore(file, { idleCheckpointMs: null, idleCheckpointMinCommits: 3 });
    seedBasics(store);
    expect(store.checkpointIfDue()).toBeNull();
    someDossiers(1);
    expect(store.checkpointIfDue()).toBeNull();
    someDossiers(1);
    expect(store.checkpointIfDue()).toMatchObject({ restarted: true });
    expect(currentFrames(`${file}-wal`)).toBe(1);
    someDossiers(1);
    expect(store.checkpointIfDue()).toBeNull();
  });
});
