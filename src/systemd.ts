import { execFile } from 'node:child_process';

/**
 * sd_notify for a Node daemon. Node has no unix datagram sockets, so messages go through the
 * `systemd-notify` command (the unit needs NotifyAccess=all, since the sender is a child process;
 * systemd-notify waits until the manager has read the message, so it is attributed to the unit).
 * Without NOTIFY_SOCKET (a terminal, a test, npm start) everything here does nothing.
 */
export interface SystemdNotifier {
  /** True when running under systemd with Type=notify. */
  readonly active: boolean;
  ready(status?: string): Promise<void>;
  stopping(): Promise<void>;
  status(text: string): Promise<void>;
  /**
   * Sends WATCHDOG=1 every half of WatchdogSec (WATCHDOG_USEC), but only while `healthy()`
   * says so: a stuck store or a starved event loop then stops the feeding and systemd restarts
   * the service. Returns the stop function. Does nothing when no watchdog is configured.
   */
  startWatchdog(healthy: () => boolean): () => void;
}

export type NotifySend = (assignments: readonly string[]) => Promise<void>;

function viaCommand(env: Readonly<Record<string, string | undefined>>): NotifySend {
  return (assignments) =>
    new Promise((resolve) => {
      execFile('systemd-notify', [...assignments], { env: { ...process.env, ...env }, timeout: 5000 }, () =>
        resolve(),
      );
    });
}

/** The watchdog interval systemd asks for, in ms, or null (absent, malformed, or meant for another PID). */
export function watchdogIntervalMs(
  env: Readonly<Record<string, string | undefined>>,
  pid = process.pid,
): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!env.WATCHDOG_USEC || !Number.isInteger(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  return usec / 1000;
}

export function createSystemdNotifier(
  env: Readonly<Record<string, string | undefined>> = process.env,
  send: NotifySend = viaCommand(env),
): SystemdNotifier {
  const active = Boolean(env.NOTIFY_SOCKET);
  // One message at a time, in order: a feeding sent just before STOPPING=1 must not land after it.
  let queue: Promise<void> = Promise.resolve();
  const notify = (assignments: readonly string[]): Promise<void> => {
    if (!active) return queue;
    queue = queue.then(() => send(assignments));
    return queue;
  };
  return {
    active,
    // --pid names this process as the main one (systemd-notify would otherwise be taken for it).
    ready: (status) => notify(['--ready', `--pid=${process.pid}`, ...(status ? [`--status=${status}`] : [])]),
    stopping: () => notify(['STOPPING=1']),
    status: (text) => notify([`--status=${text}`]),
    startWatchdog(healthy) {
      const intervalMs = watchdogIntervalMs(env);
      if (!active || intervalMs === null) return () => {};
      // Half the interval, as sd_watchdog_enabled(3) recommends: one late tick is not a restart.
      let feeding = false; // a slow systemd-notify must not pile up feedings behind it
      const timer = setInterval(() => {
        if (feeding || !healthy()) return;
        feeding = true;
        void notify(['WATCHDOG=1']).finally(() => {
          feeding = false;
        });
      }, intervalMs / 2);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
