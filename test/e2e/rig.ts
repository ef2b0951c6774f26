import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedPrinter } from '../../hardware-sim/printer';
import { SimulatedScanner } from '../../hardware-sim/scanner';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import { hashPin } from '../../src/domain/staff-pin';
import { DaemonChild, freePort } from './daemon-child';
import { installedConfig } from './installed-config';
import { SimulatedDoors } from './simulated-doors';
import { SmsGateway } from './sms-gateway';

export const STAFF = { accountId: 'nv.e2e', pin: '482916' } as const;
export const TECHNICIAN = { accountId: 'kt.e2e', pin: '917364' } as const;
// scrypt is slow on purpose: hash once per test file, not per daemon start.
const ACCOUNTS = [
  { id: STAFF.accountId, role: 'staff', pinHash: hashPin(STAFF.pin) },
  { id: TECHNICIAN.accountId, role: 'technician', pinHash: hashPin(TECHNICIAN.pin) },
];

export interface RigOptions {
  /** Edits the configuration document before it is written. */
  config?: (doc: Record<string, unknown>) => void;
  /** Draw printed slips as PNG (costs a few tens of ms a slip). */
  render?: boolean;
  /** Simulated board reaction time, ms. */
  reactionMs?: number;
}

/**
 * The kiosk as installed, with simulated hardware outside the daemon: a bus of two line-dialect
 * boards on loopback TCP, a receipt printer on loopback TCP (as on port 9100) and a serial QR
 * scanner (a pty bridged by socat to the simulator's TCP listener: the configuration takes a tty
 * for a scanner), and an SMS gateway taking the webhook on loopback. Data, key and configuration live in a temp dir.
 */
export class KioskRig extends SimulatedDoors {
  daemon: DaemonChild | null = null;
  /** Every daemon started on this rig, restarts included (their logs are kept). */
  readonly daemons: DaemonChild[] = [];
  readonly configFile: string;

  private constructor(
    readonly dir: string,
    sim: Simulator,
    readonly printer: SimulatedPrinter,
    readonly scanner: SimulatedScanner,
    readonly sms: SmsGateway,
    readonly port: number,
  ) {
    super(sim, 16);
    this.configFile = join(dir, 'kiosk.json');
  }

  static async create(options: RigOptions = {}): Promise<KioskRig> {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
    const sim = createSimulator({
      dialect: 'line',
      boards: 2,
      doors: 16,
      baud: 'instant',
      reactionMs: options.reactionMs ?? 0,
    });
    const simPort = await sim.listen('tcp://127.0.0.1:0');
    const printer = await SimulatedPrinter.start({ render: options.render ?? true });
    const scanner = await SimulatedScanner.start({ ptyPath: join(dir, 'ttySCANNER'), terminator: 'CR' });
    const sms = await SmsGateway.start();
    const rig = new KioskRig(dir, sim, printer, scanner, sms, await freePort());
    writeFileSync(join(dir, 'sms.secret'), 'kiosk-e2e-webhook-secret-0123456789abcdef\n', { mode: 0o600 });
    const doc = installedConfig(dir);
    doc.http = { ...(doc.http as object), port: 8080 }; // PORT overrides it
    doc.buses = [
      {
        name: 'bank0',
        dialect: 'line',
        connection: `tcp://127.0.0.1:${simPort}`,
        // The simulated boards share the test's event loop (which also draws receipts) on a busy
        // machine: a reply a few hundred ms late is the test's stall, not a cut cable.
        link: { replyTimeoutMs: 1000, helloTimeoutMs: 2000 },
      },
    ];
    doc.printer = { connection: printer.url, codePage: 52 };
    doc.scanner = { connection: join(dir, 'ttySCANNER') };
    doc.accounts = ACCOUNTS;
    doc.notifications = { provider: 'webhook', url: sms.url, secretFile: join(dir, 'sms.secret') };
    options.config?.(doc);
    writeFileSync(rig.configFile, JSON.stringify(doc, null, 2));
    return rig;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get dbPath(): string {
    return join(this.dir, 'ledger.db');
  }

  /** Edits the configuration file (takes effect at the next start). */
  editConfig(edit: (doc: Record<string, unknown>) => void): void {
    const doc = JSON.parse(readFileSync(this.configFile, 'utf8')) as Record<string, unknown>;
    edit(doc);
    writeFileSync(this.configFile, JSON.stringify(doc, null, 2));
  }

  /** Starts the daemon and waits for a healthy /healthz and an open scanner. */
  async start(env: Record<string, string> = {}): Promise<DaemonChild> {
    const daemon = new DaemonChild(this.configFile, this.port, env);
    this.daemon = daemon;
    this.daemons.push(daemon);
    await daemon.healthy();
    return daemon;
  }

  /** SIGTERM; resolves with the exit. */
  async stop() {
    const exit = await this.daemon!.stop();
    this.daemon = null;
    return exit;
  }

  /** Every byte any daemon of this rig wrote to stdout and stderr. */
  output(): string {
    return this.daemons.map((d) => d.stdout + d.stderr).join('\n');
  }

  /** Waits until the simulator sees the door open (after a lock fire). */
  async doorOpens(door: number, timeoutMs = 5000): Promise<void> {
    const { board, channel } = this.where(door);
    const deadline = Date.now() + timeoutMs;
    while (!this.sim.truth(board, channel).doorOpen) {
      if (Date.now() > deadline) throw new Error(`door ${door} did not open at the simulator`);
      await sleep(5);
    }
  }

  async dispose(): Promise<void> {
    for (const d of this.daemons) await d.kill();
    await this.sms.stop();
    await this.scanner.stop();
    await this.printer.stop();
    await this.sim.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
