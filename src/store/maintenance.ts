/**
 * The store's long reads (a backup, the audit walk, an integrity check) one at a time, so that a
 * backup never overlaps the weekly walk: measured on the 1,000,000-dossier history, a backup took
 * 5 s alone and 57 s overlapping the walk (issue 15), every door's commit meeting both meanwhile.
 * A backup also waits, at its start, until no door operation is open: its first seconds of reading
 * then fall between citizens, not in the middle of one's deposit. A door left unsettled for good
 * (until the next start) does not hold backups back for ever: past `maxWaitMs` it goes ahead.
 * The copy itself runs in a worker on its own connection (backup.ts), so a citizen who starts a
 * door operation meanwhile meets the disk's extra reads, not a blocked event loop.
 */
export type MaintenanceGate = {
  /** Runs `work` after every earlier one finished; `quiet` waits for no open door operation first. */
  run<T>(work: () => Promise<T>, options?: { readonly quiet?: boolean }): Promise<T>;
};

export type MaintenanceGateOptions = {
  /** Whether a door operation is open now. */
  readonly doorOperationOpen: () => boolean;
  readonly pollMs?: number;
  readonly maxWaitMs?: number;
};

/**
 * How often a waiting backup looks again, and how long at most it waits for the doors: a door
 * left open settles by the open-door timeout (two minutes by default), so a backup asked for by a
 * technician waits no longer than that and a little.
 */
export const QUIET_POLL_MS = 500;
export const QUIET_MAX_WAIT_MS = 3 * 60_000;

export function createMaintenanceGate(options: MaintenanceGateOptions): MaintenanceGate {
  const pollMs = options.pollMs ?? QUIET_POLL_MS;
  const maxWaitMs = options.maxWaitMs ?? QUIET_MAX_WAIT_MS;
  let tail: Promise<unknown> = Promise.resolve();

  async function quiet(): Promise<void> {
    const started = Date.now();
    while (options.doorOperationOpen() && Date.now() - started < maxWaitMs) {
      await new Promise((resolve) => setTimeout(resolve, pollMs).unref());
    }
  }

  return {
    run(work, runOptions = {}) {
      const next = tail.then(async () => {
        if (runOptions.quiet) await quiet();
        return work();
      });
      // A failed job must not stop the ones behind it.
      tail = next.catch(() => {});
      return next;
    },
  };
}
