import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { socatAvailable } from '../../hardware-sim/pty-endpoint';
import { createSimulator, type KnobSettings, type Simulator } from '../../hardware-sim/simulator';
import type { Release } from '../support/release';
import { KioskApi } from './api';
import { DaemonChild, freePort } from './daemon-child';
import { installedConfig } from './installed-config';
import { SimulatedDoors } from './simulated-doors';

export const HAVE_SOCAT = socatAvailable();

/** Says, once per file, that the serial-port half of a bank's tests is skipped on this machine. */
export function warnIfNoSocat(bus: string): void {
  if (!HAVE_SOCAT)
    console.warn(`SKIPPING the ${bus} bus over a pty: socat is not on PATH (apt-get install socat).`);
}

/** The technician account of config/default.json, with the PIN config/README.md gives. */
const TECHNICIAN = { accountId: 'kt.demo', pin: '135790' } as const;

export interface BusRigOptions {
  dialect: 'kerong' | '8a' | 'modbus';
  /** Board numbers as the configuration writes them (Kerong 0-9, 8A/80 addresses and Modbus units from 1). */
  boards: readonly number[];
  /** One size letter per channel, repeated on each board (config/README.md, `lockers[]` blocks). */
  sizes: string;
  /** What stands between the kiosk and the boards: a gateway on loopback TCP or a serial port (a pty). */
  via: 'tcp' | 'pty';
  /** The bus's line speed, simulated on the wire. */
  baud: number;
  /** How the simulated wire and boards misbehave. */
  wire: Partial<KnobSettings>;
  /** The rest of the `buses[0]` entry, as a person writes it: profile, boardProfile, link. */
  bus: Record<string, unknown>;
}

/**
 * One locker bus of a real board family as installed: the simulated boards run in this process
 * (the simulator shares no code with the driver's codecs) and are reached on loopback TCP, as an
 * RS485-to-Ethernet gateway is, or through a pty made by socat, as a USB adapter is; the daemon
 * runs as its own process, `node dist/main.mjs` with LOCKER_CONFIG, configured from
 * config/default.json with one bus of that family, as config/README.md describes.
 */
export class BoardBusRig extends SimulatedDoors {
  daemon: DaemonChild | null = null;
  tech: KioskApi | null = null;
  kiosk: KioskApi | null = null;

  private constructor(
    readonly options: BusRigOptions,
    readonly dir: string,
    sim: Simulator,
    readonly configFile: string,
    readonly port: number,
  ) {
    super(sim, options.sizes.length);
  }

  /** A rig for one test: `later` (the file's releasedAfterEach) disposes of it after the test. */
  static async create(options: BusRigOptions, later: (release: Release) => void): Promise<BoardBusRig> {
    const dir = mkdtempSync(join(tmpdir(), `bus-${options.dialect}-`));
    const offset = options.dialect === 'kerong' ? 0 : 1;
    const sim = createSimulator({
      dialect: options.dialect,
      boards: Math.max(...options.boards) + 1 - offset,
      doors: options.sizes.length,
      baud: options.baud,
      wire: options.wire,
    });
    let connection: string;
    if (options.via === 'tcp') {
      connection = `tcp://127.0.0.1:${await sim.listen('tcp://127.0.0.1:0')}`;
    } else {
      connection = join(dir, 'ttyRS485');
      await sim.pty(connection);
    }
    const doc = installedConfig(dir);
    doc.buses = [{ name: 'bank', dialect: options.dialect, connection, ...options.bus }];
    doc.lockers = [{ bank: 0, boards: options.boards, sizes: options.sizes, firstPosition: 1 }];
    // The test polls /healthz and the technician API where a person would look now and then.
    doc.http = { ...(doc.http as object), requestsPerMinute: 100_000 };
    doc.printer = { connection: 'none', codePage: 0 };
    doc.scanner = { connection: 'none' };
    const configFile = join(dir, 'kiosk.json');
    writeFileSync(configFile, JSON.stringify(doc, null, 2));
    const rig = new BoardBusRig(options, dir, sim, configFile, await freePort());
    later(() => rig.dispose());
    return rig;
  }

  /** Starts the daemon and waits for a healthy /healthz (every board answering). */
  async start(): Promise<DaemonChild> {
    this.daemon = new DaemonChild(this.configFile, this.port);
    await this.daemon.healthy();
    const api = new KioskApi(this.daemon.base);
    this.kiosk = api;
    this.tech = await api.signIn(TECHNICIAN);
    return this.daemon;
  }

  /** Every door shut at the simulator, whatever any reading says. */
  allShut(): boolean {
    const doors = this.options.boards.length * this.options.sizes.length;
    for (let door = 1; door <= doors; door++) {
      const { board, channel } = this.where(door);
      if (this.sim.truth(board, channel).doorOpen) return false;
    }
    return true;
  }

  /** A technician opens a door through the API (the technician console's button). */
  openByTechnician(door: number) {
    return this.tech!.call<{ operationId: number; door: number }>('POST', `/tech/lockers/${door}/open`, {
      reason: 'bus commissioning check',
    });
  }

  /** Waits until the door is open at the simulator. */
  async doorOpens(door: number, timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.sim.truth(this.where(door).board, this.where(door).channel).doorOpen, {
      timeoutMs,
      what: `door ${door} open at the simulator`,
    });
  }

  /** The open incidents the technician console lists. */
  async incidents(): Promise<{ kind: string; lockerId: number }[]> {
    const res = await this.tech!.call<{ incidents: { kind: string; lockerId: number }[] }>(
      'GET',
      '/tech/incidents',
    );
    return res.body.incidents;
  }

  /** Every door with its live reading, as the technician console lists them. */
  async lockers(): Promise<{ door: number; reading: { open: boolean; locked: boolean } | null }[]> {
    const res = await this.tech!.call<{
      lockers: { door: number; reading: { open: boolean; locked: boolean } | null }[];
    }>('GET', '/tech/lockers');
    return res.body.lockers;
  }

  /** One door's live reading on the technician console (null: not read). */
  async reading(door: number): Promise<{ open: boolean; locked: boolean } | null> {
    return (await this.lockers()).find((l) => l.door === door)?.reading ?? null;
  }

  /** The link's counters as the technician console shows them (GET /tech/links). */
  async linkStats(): Promise<Record<string, number>> {
    const res = await this.tech!.call<{ banks: { stats: Record<string, number> }[] }>('GET', '/tech/links');
    return res.body.banks[0]!.stats;
  }

  /** /healthz as monitoring reads it (200 or 503). */
  async health(): Promise<{
    healthy: boolean;
    links: { bank: number; ok: boolean; state: string }[];
    boards: { bank: number; board: number; ok: boolean }[];
  }> {
    const res = await fetch(`${this.daemon!.base}/healthz`);
    return (await res.json()) as Awaited<ReturnType<BoardBusRig['health']>>;
  }

  /** Polls a condition (the daemon is another process: nothing to await but its answers). */
  async until(
    check: () => boolean | Promise<boolean>,
    { timeoutMs = 15_000, what }: { timeoutMs?: number; what: string },
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}\n${this.daemon?.stdout ?? ''}`);
      await sleep(50);
    }
  }

  async dispose(): Promise<void> {
    await this.daemon?.kill();
    await this.sim.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
