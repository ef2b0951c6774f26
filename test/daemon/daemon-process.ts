import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPin } from '../../src/domain/staff-pin';
import { shippedConfig } from '../support/config-files';
import type { Release } from '../support/release';

export const ROOT = join(import.meta.dirname, '..', '..');
/**
 * `node dist/main.mjs`, as the systemd unit runs it (built by the tests' global setup): the daemon
 * is the process itself, so a signal (SIGKILL included) reaches it and not a wrapper that would
 * leave it orphaned.
 */
/** What `npm start` and the systemd unit run (service-file.test.ts holds all three to it). */
export const DAEMON_NODE_ARGS = ['--enable-source-maps', '--max-semi-space-size=4', 'dist/main.mjs'];

/** A kiosk configuration in a fresh temp dir: the demo file's doors and procedures, port 0. */
export function testConfig(overrides: (doc: Record<string, unknown>) => void = () => {}): {
  dir: string;
  file: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'daemon-'));
  const doc = shippedConfig();
  // No host: the default (loopback) is what is under test.
  doc.http = { port: 0 };
  doc.store = {
    path: join(dir, 'ledger.db'),
    backupDir: join(dir, 'backups'),
    backupEveryHours: 24,
    keepBackups: 2,
  };
  doc.kioskKeyFile = join(dir, 'kiosk.key');
  doc.accounts = [{ id: 'nv.test', role: 'staff', pinHash: hashPin('4321') }];
  doc.demo = { handsAfterSeconds: 2 };
  doc.logging = { level: 'info' };
  overrides(doc);
  const file = join(dir, 'kiosk.json');
  writeFileSync(file, JSON.stringify(doc));
  return { dir, file };
}

/** testConfig for one test: `later` (the file's releasedAfterEach) removes its directory after it. */
export function scratchConfig(
  later: (release: Release) => void,
  overrides?: (doc: Record<string, unknown>) => void,
): { dir: string; file: string } {
  const config = testConfig(overrides);
  later(() => rmSync(config.dir, { recursive: true, force: true }));
  return config;
}

/** A daemon on `configFile` for one test: `later` kills it after the test, whatever the outcome. */
export function launchDaemon(
  later: (release: Release) => void,
  configFile: string,
  env: Record<string, string> = {},
): DaemonProcess {
  const daemon = new DaemonProcess(configFile, env);
  later(() => daemon.kill());
  return daemon;
}

export interface LogLine {
  readonly msg?: string;
  readonly [field: string]: unknown;
}

/** The daemon as systemd starts it, in its own process. */
export class DaemonProcess {
  readonly lines: LogLine[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(configFile: string, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, DAEMON_NODE_ARGS, {
      cwd: ROOT,
      env: { ...process.env, LOCKER_CONFIG: configFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      partial += chunk.toString('utf8');
      const rows = partial.split('\n');
      partial = rows.pop()!;
      for (const row of rows) this.lines.push(JSON.parse(row) as LogLine);
      for (const w of this.waiters.splice(0)) w();
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    this.exited.then(() => {
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** The first log line with this message; rejects if the process exits first. */
  /** The first log line with this message (and matching `where`, when given), waiting for it. */
  async line(msg: string, where: (line: LogLine) => boolean = () => true): Promise<LogLine> {
    for (;;) {
      const found = this.lines.find((l) => l.msg === msg && where(l));
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`daemon exited before "${msg}": ${this.stderr}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** For afterEach: never leave a daemon running. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Whether something listens on 127.0.0.1:port and on no other IPv4 or IPv6 address (from /proc). */
export function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      const [address, localPort] = (cols[1] ?? '').split(':');
      if (localPort === hexPort && cols[3] === '0A') out.push(address!);
    }
  }
  return out;
}
