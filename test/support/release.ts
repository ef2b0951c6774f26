import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Lets go of one thing a test opened: closes a store, kills a process, removes a directory. */
export type Release = () => unknown;

/**
 * What a test opens (a store, a daemon, a temporary directory) is let go after it, whatever its
 * outcome: a test file makes one list, each test adds to it what it opens as it opens it, and
 * after every test the list lets go of all of it, the last opened first (a store closes before
 * its directory is removed).
 */
export function releasedAfterEach(): (release: Release) => void {
  let pending: Release[] = [];
  afterEach(async () => {
    const now = pending.reverse();
    pending = [];
    for (const release of now) await release();
  });
  return (release) => {
    pending.push(release);
  };
}

/** A fresh temporary directory, removed with all in it after the test. */
export function tempDir(prefix: string, later: (release: Release) => void): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  later(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * `start` for the tests of a file (call at its top): each test starts what it needs with the
 * function returned, and what it started is disposed of after it.
 */
export function perTest<O, T extends { dispose(): unknown }>(
  start: (options?: O) => Promise<T>,
): (options?: O) => Promise<T> {
  const later = releasedAfterEach();
  return async (options) => {
    const started = await start(options);
    later(() => started.dispose());
    return started;
  };
}
