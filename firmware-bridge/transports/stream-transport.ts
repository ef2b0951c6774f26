import type { Duplex } from 'node:stream';
import {
  type Transport,
  TransportClosedError,
  type TransportCloseKind,
  type TransportCloseReason,
} from './transport';

/**
 * Wraps an open Duplex (serial port, socket, in-process pipe) as a Transport. Every way a stream
 * can die (end, close, error, a failed write) ends in exactly one close report, because some
 * platforms emit only one of them when a USB adapter vanishes.
 */
export function streamTransport(
  stream: Duplex,
  description: string,
  /** Frees what destroy() does not (a serial port stays open and locked until closed). */
  release: () => Promise<void> = async () => {},
  /** Watches for the device going away by other means; returns a function that stops watching. */
  watch?: (gone: (detail: string) => void) => () => void,
): Transport {
  const dataListeners: ((chunk: Buffer) => void)[] = [];
  const closeListeners: ((reason: TransportCloseReason) => void)[] = [];
  let closeReason: TransportCloseReason | null = null;
  let released: Promise<void> | null = null;

  const finish = (kind: TransportCloseKind, detail: string): void => {
    if (closeReason) return;
    closeReason = { kind, detail };
    stopWatch();
    stream.removeListener('data', onData);
    // A port that never reports closing must not hang a shutdown or a reconnect.
    const bounded = Promise.race([
      release().catch(() => {}),
      new Promise<void>((r) => setTimeout(r, 1000).unref()),
    ]);
    released = bounded.then(() => {
      if (!stream.destroyed) stream.destroy();
    });
    for (const listener of closeListeners) listener(closeReason);
  };

  const onData = (chunk: Buffer): void => {
    if (closeReason) return;
    for (const listener of dataListeners) listener(chunk);
  };

  const stopWatch = watch ? watch((detail) => finish('disconnected', detail)) : () => {};
  stream.on('data', onData);
  stream.on('end', () => finish('remote_end', 'the far end ended the stream'));
  stream.on('error', (error: Error) => finish('error', error.message));
  stream.on('close', (error?: Error & { disconnected?: boolean }) => {
    if (error?.disconnected) finish('disconnected', error.message);
    else finish('remote_end', 'the stream closed');
  });

  return {
    description,
    get closed() {
      return closeReason !== null;
    },
    write(bytes) {
      if (closeReason) throw new TransportClosedError(description);
      stream.write(bytes, (error) => {
        if (error) finish('write_error', error.message);
      });
    },
    close() {
      finish('closed', 'closed by the link');
      return released ?? Promise.resolve();
    },
    onData(listener) {
      dataListeners.push(listener);
    },
    onClose(listener) {
      if (closeReason) listener(closeReason);
      else closeListeners.push(listener);
    },
  };
}
