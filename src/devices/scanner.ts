import {
  openTransport,
  type Transport,
  type TransportCloseReason,
  TransportOpenError,
  type TransportOptions,
  type TransportSpec,
} from '../../firmware-bridge/transports';
import { DeviceError } from './errors';
import { ScanLineReader } from './scan-lines';

export interface QrScannerOptions {
  /** A tty path (/dev/serial/by-id/...), `tcp://host:port`, or a stream factory. */
  spec: TransportSpec;
  /** Serial speed (9600 is the usual factory setting) and connect timeout. */
  transport?: Partial<TransportOptions>;
  /** Longest line taken as a scan, in bytes. Our QR payloads are under 50; result documents' are longer. */
  maxLineBytes?: number;
}

export const DEFAULT_SCANNER_BAUD = 9600;
export const DEFAULT_MAX_SCAN_BYTES = 1024;

/**
 * A QR scanner in serial mode: one scan per line. Bad input (noise, an over-long line) is reported
 * through onError and reading goes on; it never throws into the caller.
 */
export class QrScanner {
  private readonly scanListeners: ((text: string) => void)[] = [];
  private readonly errorListeners: ((error: DeviceError) => void)[] = [];

  private constructor(private readonly transport: Transport) {}

  static async open(options: QrScannerOptions): Promise<QrScanner> {
    let transport: Transport;
    try {
      transport = await openTransport(options.spec, { baudRate: DEFAULT_SCANNER_BAUD, ...options.transport });
    } catch (error) {
      if (error instanceof TransportOpenError) {
        throw new DeviceError('scanner_unreachable', `scanner unreachable: ${error.message}`);
      }
      throw error;
    }
    const scanner = new QrScanner(transport);
    const reader = new ScanLineReader(
      { maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_SCAN_BYTES },
      (line) => scanner.dispatch(line),
    );
    transport.onData((chunk) => reader.push(chunk));
    return scanner;
  }

  get description(): string {
    return this.transport.description;
  }

  get closed(): boolean {
    return this.transport.closed;
  }

  /** Each scan's text, without its terminator. */
  onScan(listener: (text: string) => void): void {
    this.scanListeners.push(listener);
  }

  /** A garbled or over-long line ('scan_garbled', 'scan_too_long'); the scanner keeps reading. */
  onError(listener: (error: DeviceError) => void): void {
    this.errorListeners.push(listener);
  }

  /** The port went away (unplugged, or closed); open a new scanner to read again. */
  onClose(listener: (reason: TransportCloseReason) => void): void {
    this.transport.onClose(listener);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private dispatch(line: Parameters<ConstructorParameters<typeof ScanLineReader>[1]>[0]): void {
    if (line.kind === 'scan') {
      for (const listener of this.scanListeners) listener(line.text);
      return;
    }
    const error =
      line.kind === 'garbled'
        ? new DeviceError('scan_garbled', `a ${line.length}-byte scan held bytes no code carries; ignored`)
        : new DeviceError('scan_too_long', `a scan line passed ${line.length} bytes with no end; ignored`);
    for (const listener of this.errorListeners) listener(error);
  }
}
