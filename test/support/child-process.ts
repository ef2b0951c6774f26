import { execFileSync } from 'node:child_process';

/**
 * For the tests that drive a real child process, pty or socket, where no clock can be injected:
 * they wait for what the other side does in real time, within a bound.
 */

/** Whether a command is on this machine's PATH (tests that need one are skipped without it). */
export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

/** Polls `condition` every 10 ms of real time, up to `tries` times, for a child process or a socket. */
export async function until(condition: () => boolean, what: string, tries = 500): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
