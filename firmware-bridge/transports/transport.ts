import type { Duplex } from 'node:stream';

/**
 * One byte pipe to a locker bus: a serial port, a TCP gateway (ser2net, Moxa NPort) or an
 * in-process stream. Single-use: once closed it stays closed, and a reconnect opens a new one,
 * so no stale bytes from the old connection can reach a new decoder.
 */
export interface Transport {
  /** What this pipe is, for logs: the tty path or host:port (never anything personal). */
  readonly description: string;
  readonly closed: boolean;
  /**
   * Queue bytes for the wire. A write error closes the transport (reason 'write_error');
   * writing to a closed transport throws TransportClosedError.
   */
  write(bytes: Uint8Array): void;
  /** Close on purpose; resolves once the underlying port or socket is released. */
  close(): Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  /** Called once, with why the pipe went away (including our own close). */
  onClose(listener: (reason: TransportCloseReason) => void): void;
}

export type TransportCloseKind =
  | 'closed' // we closed it
  | 'remote_end' // the far end (gateway, simulator) hung up
  | 'disconnected' // the device vanished (USB adapter unplugged)
  | 'error' // the stream reported an error
  | 'write_error'; // a write failed: the bus is not usable

export interface TransportCloseReason {
  kind: TransportCloseKind;
  detail: string;
}

/** A function returning a stream is used as it is: that is how an in-process board plugs in. */
export type StreamFactory = () => Duplex | Promise<Duplex>;

/** A tty path (prefer /dev/serial/by-id/...), `tcp://host:port`, or a stream factory. */
export type TransportSpec = string | StreamFactory;

export interface TransportOptions {
  /** Serial line speed; 8N1 is fixed (every board in the field uses it). */
  baudRate: number;
  /** How long a TCP connect or a serial open may take before it counts as failed. */
  connectTimeoutMs: number;
  /** TCP keep-alive initial delay, so a dead gateway is noticed by the OS too. */
  tcpKeepAliveMs: number;
  /** How often a serial transport checks that its device node still exists (see device-watch). */
  deviceWatchMs: number;
}

export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = {
  baudRate: 19200,
  connectTimeoutMs: 2000,
  tcpKeepAliveMs: 5000,
  deviceWatchMs: 500,
};

export class TransportClosedError extends Error {
  constructor(description: string) {
    super(`transport ${description} is closed`);
    this.name = 'TransportClosedError';
  }
}

export class TransportOpenError extends Error {
  constructor(
    readonly description: string,
    detail: string,
  ) {
    super(`cannot open ${description}: ${detail}`);
    this.name = 'TransportOpenError';
  }
}
