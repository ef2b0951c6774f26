import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SimError } from './errors';

const APPEAR_TIMEOUT_MS = 5000;
const REPLUG_MS = 300;

/** True when `socat` can be run (the pty endpoint and its tests need it). */
export function socatAvailable(): boolean {
  const dirs = (process.env.PATH ?? '').split(':');
  return dirs.some((dir) => dir && existsSync(`${dir}/socat`));
}

/**
 * A pseudo-terminal at PATH that a daemon opens with serialport like a real USB-RS485 adapter:
 * socat bridges it to the simulator's own TCP listener. When the simulator pulls the cable,
 * socat exits and the path vanishes, as an unplugged adapter would; it comes back shortly after
 * (a replug) until the endpoint is closed. A pty carries bytes, not baud timing or modem lines.
 */
export class PtyEndpoint {
  private child: ChildProcess | null = null;
  private closing = false;

  private constructor(
    readonly path: string,
    private readonly port: number,
    private readonly log: (message: string) => void,
  ) {}

  static async open(path: string, port: number, log: (message: string) => void): Promise<PtyEndpoint> {
    if (!socatAvailable()) {
      throw new SimError('endpoint', 'the pty endpoint needs socat on PATH (apt-get install socat)');
    }
    const endpoint = new PtyEndpoint(path, port, log);
    await endpoint.spawn();
    return endpoint;
  }

  async close(): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  private async spawn(): Promise<void> {
    const child = spawn('socat', [`pty,link=${this.path},raw,echo=0`, `tcp:127.0.0.1:${this.port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let exited = false;
    let appeared = false;
    child.once('exit', (code, signal) => {
      exited = true;
      // Replug only a port that worked: a socat that cannot start would otherwise loop forever.
      if (this.closing || this.child !== child || !appeared) return;
      this.log(`socat for ${this.path} exited (${signal ?? code}); replugging in ${REPLUG_MS} ms`);
      setTimeout(() => {
        if (!this.closing) this.spawn().catch((error: Error) => this.log(error.message));
      }, REPLUG_MS);
    });
    const deadline = Date.now() + APPEAR_TIMEOUT_MS;
    while (!existsSync(this.path)) {
      if (exited) throw new SimError('endpoint', `socat could not create ${this.path}: ${stderr.trim()}`);
      if (Date.now() > deadline) {
        child.kill('SIGTERM');
        throw new SimError('endpoint', `socat did not create ${this.path} within ${APPEAR_TIMEOUT_MS} ms`);
      }
      await sleep(10);
    }
    appeared = true;
  }
}
