import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DevicePort } from '../device-port';
import { type Random, seededRandom } from '../prng';

export type ScanTerminator = 'CR' | 'LF' | 'CRLF';

const TERMINATORS: Record<ScanTerminator, string> = { CR: '\r', LF: '\n', CRLF: '\r\n' };

export interface SimulatedScannerOptions {
  /** tcp://127.0.0.1:PORT; port 0 picks a free one. */
  listen: string;
  /** Also appear as a serial port at this path, through socat. */
  ptyPath?: string;
  /** What ends each scan, as set in the scanner's configuration barcodes. */
  terminator: ScanTerminator;
  /** Seed for the noise of garbled scans, so a failing test replays. */
  seed: number;
  log: (message: string) => void;
}

/**
 * A QR scanner in serial mode: each scan is written as one terminated line to whoever has the
 * port open (over TCP, or through the pty). Fault knobs send noise or split a scan into pieces.
 */
export class SimulatedScanner {
  private readonly clients = new Set<Socket>();
  private readonly clientWaiters: (() => void)[] = [];
  private endpoint: DevicePort | null = null;
  private readonly random: Random;

  private constructor(readonly options: SimulatedScannerOptions) {
    this.random = seededRandom(options.seed);
  }

  static async start(options: Partial<SimulatedScannerOptions> = {}): Promise<SimulatedScanner> {
    const scanner = new SimulatedScanner({
      listen: 'tcp://127.0.0.1:0',
      terminator: 'CR',
      seed: 1,
      log: () => {},
      ...options,
    });
    scanner.endpoint = await DevicePort.open(scanner.options, (socket) => scanner.accept(socket));
    return scanner;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.endpoint?.port ?? 0}`;
  }

  /** Resolves once someone (a daemon, or socat for the pty) is connected. */
  waitForClient(): Promise<void> {
    if (this.clients.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.clientWaiters.push(resolve));
  }

  /** One scan of `text`, terminated as configured (or as given). */
  scan(text: string, terminator: ScanTerminator = this.options.terminator): void {
    this.send(Buffer.from(text + TERMINATORS[terminator], 'utf8'));
  }

  /** One scan written in `pieces` separate writes, a little apart, as a slow USB bridge does. */
  async scanSplit(text: string, pieces: number, gapMs = 5): Promise<void> {
    const bytes = Buffer.from(text + TERMINATORS[this.options.terminator], 'utf8');
    const size = Math.max(1, Math.ceil(bytes.length / pieces));
    for (let at = 0; at < bytes.length; at += size) {
      this.send(bytes.subarray(at, at + size));
      await sleep(gapMs);
    }
  }

  /**
   * A misread: `length` bytes of noise (never CR or LF, always with some control or non-UTF-8
   * bytes) and a terminator, as a scanner with a failing cable or wrong baud rate produces.
   */
  scanGarbled(length = 16): void {
    const noise = Buffer.alloc(Math.max(1, length));
    for (let i = 0; i < noise.length; i++) {
      let byte = this.random.int(0, 255);
      while (byte === 0x0a || byte === 0x0d) byte = this.random.int(0, 255);
      noise[i] = byte;
    }
    noise[0] = 0xff; // never valid UTF-8, so the noise is always noise
    this.send(Buffer.concat([noise, Buffer.from(TERMINATORS[this.options.terminator])]));
  }

  /** Raw bytes, exactly as given (an over-long line, a lone terminator...). */
  sendRaw(bytes: Uint8Array): void {
    this.send(bytes);
  }

  async stop(): Promise<void> {
    await this.endpoint?.close();
  }

  private accept(socket: Socket): void {
    socket.on('error', () => {});
    socket.on('close', () => this.clients.delete(socket));
    // A scanner ignores what the host sends it.
    socket.on('data', () => {});
    this.clients.add(socket);
    for (const waiter of this.clientWaiters.splice(0)) waiter();
  }

  private send(bytes: Uint8Array): void {
    for (const socket of this.clients) if (!socket.destroyed) socket.write(bytes);
  }
}
