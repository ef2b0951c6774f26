import { openSerial } from './serial';
import { streamTransport } from './stream-transport';
import { openTcp } from './tcp';
import {
  DEFAULT_TRANSPORT_OPTIONS,
  type Transport,
  TransportOpenError,
  type TransportOptions,
  type TransportSpec,
} from './transport';

/**
 * Opens a new, single-use transport from a connection spec: a function returning a stream is
 * used as it is, `tcp://host:port` opens a socket, anything else is a tty path.
 */
export async function openTransport(
  spec: TransportSpec,
  options: Partial<TransportOptions> = {},
): Promise<Transport> {
  const settled: TransportOptions = { ...DEFAULT_TRANSPORT_OPTIONS, ...options };
  if (typeof spec === 'function') {
    const stream = await spec();
    if (stream.destroyed) throw new TransportOpenError('in-process stream', 'the stream is already closed');
    return streamTransport(stream, 'in-process stream');
  }
  if (spec.startsWith('tcp://')) return openTcp(spec, settled);
  if (spec.length === 0) throw new TransportOpenError(spec, 'empty port path');
  return openSerial(spec, settled);
}
