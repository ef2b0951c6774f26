import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
// What `npm start` and the systemd unit run, without npm in between (built by the global setup and the bench).
import { DAEMON_NODE_ARGS } from '../daemon/daemon-process';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A TCP port nobody listens on right now (the daemon gets it through PORT). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The kiosk daemon started as `npm start` starts it, in its own process group (so a kill reaches
 * anything it started too), with every byte of stdout and stderr kept for inspection.
 */
export class DaemonChild {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  readonly startedAt = performance.now();
  private readonly child: ChildProcess;
  private done = false;

  constructor(
    configFile: string,
    readonly port: number,
    env: Record<string, string> = {},
  ) {
    this.child = spawn(process.execPath, DAEMON_NODE_ARGS, {
      cwd: ROOT,
      env: { ...process.env, LOCKER_CONFIG: configFile, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString('utf8');
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.done = true;
        resolve({ code, signal });
      }),
    );
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The node process that runs the daemon: the child itself, with no wrapper in between. */
  daemonPid(): number {
    return this.pid;
  }

  /** Log lines (pino JSON) written so far. */
  lines(): Record<string, unknown>[] {
    return this.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** Polls /healthz until it answers healthy; throws if the process exits first. */
  async healthy(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.done) throw new Error(`daemon exited before healthy:\n${this.stderr}\n${this.stdout}`);
      try {
        const res = await fetch(`${this.base}/healthz`);
        if (res.status === 200 && ((await res.json()) as { healthy?: boolean }).healthy) {
          return performance.now() - this.startedAt;
        }
      } catch {
        // not listening yet
      }
      await sleep(25);
    }
    throw new Error(`daemon not healthy after ${timeoutMs} ms:\n${this.stderr}\n${this.stdout}`);
  }

  /** Waits for a log line with this message. */
  async line(msg: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines().find((l) => l.msg === msg);
      if (found) return found;
      if (this.done || Date.now() > deadline) throw new Error(`no log line "${msg}":\n${this.stdout}`);
      await sleep(20);
    }
  }

  /** SIGTERM and the exit that follows. */
  async stop(): Promise<Exit> {
    if (!this.done) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** For afterEach: never leave a daemon running, whatever state it is in. */
  async kill(): Promise<void> {
    if (this.done) return;
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await this.exited;
  }
}
