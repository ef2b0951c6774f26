import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { formatCommand, type ParentCommand, parseWorkerLine, type WorkerLine } from './protocol';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const WORKER = join(HERE, 'worker.ts');

export type WorkerArgs = {
  readonly db: string;
  readonly port: number;
  readonly wallet: string;
  /** Load the code, then wait for START before opening anything. */
  readonly standby?: boolean;
};

/** Thrown when the worker died or went quiet where the run expected it to answer. */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(`${message}${stderr ? `\n--- worker stderr ---\n${stderr}` : ''}`);
    this.name = 'WorkerFailure';
  }
}

type Waiter = { match: (line: WorkerLine) => boolean; resolve: (line: WorkerLine) => void };

/** One life of the ledger daemon under test: a child process that can be killed at any moment. */
export class WorkerProcess {
  private readonly child: ChildProcess;
  private readonly waiters = new Set<Waiter>();
  private stderrTail = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** After the exit, once every line the worker wrote before dying has been read. */
  private readonly drained: Promise<void>;
  /** A spare has loaded its code (its STANDBY line): START then costs only what the daemon does. */
  readonly loaded: Promise<void>;
  private markLoaded: () => void = () => {};

  constructor(
    args: WorkerArgs,
    private readonly onLine: (line: WorkerLine) => void,
  ) {
    this.child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        WORKER,
        '--db',
        args.db,
        '--port',
        String(args.port),
        '--wallet',
        args.wallet,
        ...(args.standby ? ['--standby'] : []),
      ],
      { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.exited = new Promise((done) => {
      this.child.once('exit', (code, signal) => done({ code, signal }));
    });
    this.drained = new Promise((done) => {
      this.child.once('close', () => done());
    });
    this.loaded = new Promise((done) => {
      this.markLoaded = done;
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    // A write to a worker that just died fails with EPIPE; the kill is the report, not that.
    this.child.stdin?.on('error', () => {});
    const lines = createInterface({ input: this.child.stdout! });
    lines.on('line', (text) => {
      const line = parseWorkerLine(text);
      if (!line) return;
      if (line.type === 'standby') this.markLoaded();
      this.onLine(line);
      for (const waiter of this.waiters) {
        if (waiter.match(line)) {
          this.waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  send(command: ParentCommand): void {
    this.child.stdin?.write(`${formatCommand(command)}\n`);
  }

  /** The next line that matches, or a WorkerFailure if the worker exits or times out first. */
  async waitFor(match: (line: WorkerLine) => boolean, what: string, timeoutMs: number): Promise<WorkerLine> {
    let waiter: Waiter | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        new Promise<WorkerLine>((resolveLine) => {
          waiter = { match, resolve: resolveLine };
          this.waiters.add(waiter);
        }),
        this.exited.then(({ code, signal }) => {
          throw new WorkerFailure(
            `worker exited (${signal ?? code}) while waiting for ${what}`,
            this.stderrTail,
          );
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(new WorkerFailure(`no ${what} from the worker within ${timeoutMs} ms`, this.stderrTail)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      if (waiter) this.waiters.delete(waiter);
      clearTimeout(timer);
    }
  }

  /** Resolves once the spare has loaded its code; a WorkerFailure if it dies or takes too long. */
  async whenLoaded(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.loaded,
        this.exited.then(({ code, signal }) => {
          throw new WorkerFailure(`worker exited (${signal ?? code}) before loading`, this.stderrTail);
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new WorkerFailure(`worker not loaded within ${timeoutMs} ms`, this.stderrTail)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * SIGKILL: no handler runs, no buffer is flushed, as when the power goes. Resolves once the
   * lines already in the pipe have been read, so the parent knows how far the worker got.
   */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
    await this.drained;
  }
}
