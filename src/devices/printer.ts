import { escpos } from '../../firmware-bridge/escpos';
import {
  DEFAULT_TRANSPORT_OPTIONS,
  openTransport,
  type Transport,
  TransportOpenError,
  type TransportOptions,
  type TransportSpec,
} from '../../firmware-bridge/transports';
import { DeviceError } from './errors';
import { isStatusByte, type PaperStatus, paperStatusOf } from './printer-status';

export interface ReceiptPrinterOptions {
  /** A tty path, `tcp://host:9100`, or a stream factory. */
  spec: TransportSpec;
  /** Serial speed and connect timeout for the transport. */
  transport?: Partial<TransportOptions>;
  /** How long to wait for a status answer before calling the job lost. */
  statusTimeoutMs?: number;
  /**
   * Whether the printer answers DLE EOT. When it does, the paper is checked before a job and a
   * second answer after it confirms every byte arrived. When it does not, the link is held open
   * `lingerMs` after writing (on a serial line, at least the job's time on the wire) so the bytes
   * leave before it closes.
   */
  answersStatus?: boolean;
  lingerMs?: number;
}

export interface PrintResult {
  /** The paper sensor after the job (null when the printer does not answer status). */
  paper: PaperStatus | null;
}

/**
 * A receipt printer over a serial port or a raw TCP port. Each job opens its own link, so a
 * printer that was power-cycled between two citizens just works on the next job.
 */
export class ReceiptPrinter {
  private readonly statusTimeoutMs: number;
  private readonly answersStatus: boolean;
  private readonly lingerMs: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ReceiptPrinterOptions) {
    this.statusTimeoutMs = options.statusTimeoutMs ?? 3000;
    this.answersStatus = options.answersStatus ?? true;
    this.lingerMs = options.lingerMs ?? 500;
  }

  /** Sends one job (bytes from the ESC/POS layouts). Jobs run one at a time, in call order. */
  print(job: Uint8Array): Promise<PrintResult> {
    const run = this.queue.then(() => this.withLink((link) => this.send(link, job)));
    this.queue = run.catch(() => {});
    return run;
  }

  /** Reads the paper sensor without printing. */
  paperStatus(): Promise<PaperStatus> {
    const run = this.queue.then(() => this.withLink((link) => link.status()));
    this.queue = run.catch(() => {});
    return run;
  }

  private async send(link: PrinterLink, job: Uint8Array): Promise<PrintResult> {
    if (!this.answersStatus) {
      link.write(job);
      await new Promise((resolve) => setTimeout(resolve, this.lingerFor(job.length)));
      link.throwIfClosed();
      return { paper: null };
    }
    if ((await link.status()) === 'out') {
      throw new DeviceError('printer_paper_out', `printer ${link.description} is out of paper`);
    }
    link.write(job);
    // Answered only after the printer has read every byte before it: the job has arrived.
    return { paper: await link.status() };
  }

  /** On a serial line the bytes take 10 bits each to leave: wait for that, plus a margin. */
  private lingerFor(bytes: number): number {
    const spec = this.options.spec;
    if (typeof spec !== 'string' || spec.startsWith('tcp://')) return this.lingerMs;
    const baud = this.options.transport?.baudRate ?? DEFAULT_TRANSPORT_OPTIONS.baudRate;
    return Math.max(this.lingerMs, Math.ceil(((bytes * 10) / baud) * 1000 * 1.2));
  }

  private async withLink<T>(use: (link: PrinterLink) => Promise<T>): Promise<T> {
    let transport: Transport;
    try {
      transport = await openTransport(this.options.spec, this.options.transport);
    } catch (error) {
      if (error instanceof TransportOpenError) {
        throw new DeviceError('printer_unreachable', `printer unreachable: ${error.message}`);
      }
      throw error;
    }
    const link = new PrinterLink(transport, this.statusTimeoutMs);
    try {
      return await use(link);
    } finally {
      await transport.close();
    }
  }
}

/** One open connection: writes, and waits for status bytes with a timeout. */
class PrinterLink {
  private readonly replies: number[] = [];
  private waiter: (() => void) | null = null;
  private closedBy: string | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly timeoutMs: number,
  ) {
    transport.onData((chunk) => {
      // Anything but a status byte (automatic status back, XON/XOFF) is not ours to read.
      for (const byte of chunk) if (isStatusByte(byte)) this.replies.push(byte);
      this.waiter?.();
    });
    transport.onClose((reason) => {
      if (reason.kind !== 'closed') this.closedBy = reason.detail;
      this.waiter?.();
    });
  }

  get description(): string {
    return this.transport.description;
  }

  throwIfClosed(): void {
    if (this.closedBy !== null) {
      throw new DeviceError(
        'printer_disconnected',
        `printer ${this.description} went away: ${this.closedBy}`,
      );
    }
  }

  write(bytes: Uint8Array): void {
    this.throwIfClosed();
    this.transport.write(bytes);
  }

  async status(): Promise<PaperStatus> {
    this.replies.length = 0;
    this.write(Uint8Array.from(escpos.realtimeStatus(4)));
    const deadline = Date.now() + this.timeoutMs;
    while (this.replies.length === 0) {
      this.throwIfClosed();
      const left = deadline - Date.now();
      if (left > 0) {
        await this.nextEvent(left);
        continue;
      }
      // A busy event loop may hold an answer that came in time: let pending reads run once.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.replies.length > 0) break;
      this.throwIfClosed();
      throw new DeviceError(
        'printer_timeout',
        `printer ${this.description} did not answer a status request in ${this.timeoutMs} ms`,
      );
    }
    return paperStatusOf(this.replies.shift()!);
  }

  /** Resolves on the next byte or close, or after `ms`. */
  private nextEvent(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve();
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = null;
        resolve();
      };
    });
  }
}
