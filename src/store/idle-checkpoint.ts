import type { Database } from 'better-sqlite3';

/**
 * Moves the write-ahead log into the database file while the kiosk is idle, so that a citizen's
 * commit pays for its own pages and the WAL's fsync only.
 *
 * Left to SQLite, the commit that takes the WAL past 1,000 pages copies them all back into the
 * database and syncs it, and the first commit after that restarts the log and syncs its header
 * separately: two hidden costs that land on whichever door operation comes next. Here, once the
 * writer has been quiet for a moment (the citizen is at the door, or walked away), a PASSIVE
 * checkpoint copies the log back, and when it got everything, one small marker commit restarts
 * the log there and then. SQLite's own autocheckpoint stays on as the backstop for a writer that
 * is never quiet.
 *
 * Not after every burst, though: each round costs four syncs (the log and the database file in the
 * checkpoint, the marker's commit and the restarted log's header), against one per commit. Done
 * at every quiet moment, as at first, it was 20 of a kiosk cycle's 29 syncs (test/bench,
 * store-fsync.ts). So a round waits until `minCommits` commits have gathered in the log (a few
 * cycles, a few hundred pages: well under SQLite's 1,000-page autocheckpoint), or until the kiosk
 * has been quiet for LONG_QUIET_MS, when nobody waits on it anyway.
 */
export type IdleCheckpoint = {
  /** Frames the log held. */
  readonly frames: number;
  readonly checkpointed: number;
  /** The log was restarted by the marker commit: the next commit writes from its start. */
  readonly restarted: boolean;
};

export type IdleCheckpointer = {
  /** Tells it a write transaction committed: the quiet period starts again. */
  noteCommit(): void;
  /** The idle work, now: null when there was nothing to do or a transaction is open. */
  runNow(): IdleCheckpoint | null;
  /** What a quiet moment does: the idle work if enough has gathered (see above), else null. */
  runIfDue(): IdleCheckpoint | null;
  stop(): void;
};

/** Where the marker commit writes: when the log was last restarted in idle time. */
export const LOG_RESTARTED_KEY = 'store.log_restarted_at';

const MAX_RETRY_MS = 30_000;

/** Commits gathered in the log before a quiet moment checkpoints it: about seven kiosk cycles, some 500 pages. */
export const IDLE_CHECKPOINT_MIN_COMMITS = 64;
/** A kiosk quiet this long checkpoints whatever the log holds. */
export const LONG_QUIET_MS = 60_000;

type CheckpointRow = { busy: number; log: number; checkpointed: number };

/**
 * quietMs: how long the writer must have been quiet; null runs the work only when runNow() is
 * called (tests and benchmarks that stand in for the idle moments).
 */
export function createIdleCheckpointer(
  db: Database,
  quietMs: number | null,
  minCommits: number = IDLE_CHECKPOINT_MIN_COMMITS,
): IdleCheckpointer {
  const mark = db.prepare(`
    INSERT INTO settings (key, value, updated_at) VALUES ('${LOG_RESTARTED_KEY}', ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const markCommit = db.transaction((at: number) => mark.run(String(at), at));
  let dirty = false;
  let lastCommitAt = 0;
  // Commits since the log last restarted (a proxy for its pages: a cycle's commit is 7-9 pages).
  let commits = 0;
  let timer: NodeJS.Timeout | null = null;
  // A reader that holds frames back (a quick_check reads for a minute) is waited for with longer
  // and longer pauses, not a checkpoint attempt every quiet period.
  let retryMs = quietMs ?? 0;

  function runNow(): IdleCheckpoint | null {
    if (!dirty || !db.open || db.inTransaction) return null;
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
    dirty = false;
    if (!row || row.log <= 0) return null;
    // A reader (a backup, the background integrity check) can hold frames back: then the log
    // cannot restart yet, and the marker would only add a frame. The next quiet moment retries.
    const complete = row.busy === 0 && row.checkpointed === row.log;
    if (complete) {
      markCommit.immediate(Date.now());
      commits = 0;
    } else {
      dirty = true;
    }
    return { frames: row.log, checkpointed: row.checkpointed, restarted: complete };
  }

  function runIfDue(): IdleCheckpoint | null {
    if (commits < minCommits && Date.now() - lastCommitAt < LONG_QUIET_MS) return null;
    return runNow();
  }

  function fire(): void {
    timer = null;
    if (quietMs === null || !db.open) return;
    const waited = Date.now() - lastCommitAt;
    if (waited < quietMs) {
      arm(quietMs - waited);
      return;
    }
    if (commits < minCommits && waited < LONG_QUIET_MS) {
      arm(LONG_QUIET_MS - waited);
      return;
    }
    try {
      runNow();
    } catch {
      // Idle work that failed (a busy or full disk) is only postponed: autocheckpoint remains,
      // and the failure would show again in the next commit, where it is reported.
      dirty = true;
    }
    if (!dirty) {
      retryMs = quietMs;
      return;
    }
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    arm(retryMs);
  }

  function arm(ms: number): void {
    timer = setTimeout(fire, ms);
    // Idle work never keeps the process alive.
    timer.unref();
  }

  return {
    noteCommit() {
      dirty = true;
      commits++;
      lastCommitAt = Date.now();
      if (quietMs === null) return;
      if (timer === null) arm(quietMs);
    },
    runNow,
    runIfDue,
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
