import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether socat is installed; tests that need a real pty warn loudly and skip without it. */
export function haveSocat(): boolean {
  const found = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
  if (!found) console.warn('socat is not installed: SKIPPING the real pty tests (apt-get install socat)');
  return found;
}

export interface PtyPair {
  a: string;
  b: string;
  /** Kill socat: both ptys vanish, as an unplugged USB adapter does. */
  kill(): Promise<void>;
}

/** Two linked ptys from socat: what one end writes, the other reads. */
export async function ptyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error('socat did not create the pty pair');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    a,
    b,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
