/**
 * The entry to the transports for everything that talks to a device over a port: the lock-board
 * link, the receipt printer and the QR scanner. A tty path, tcp://host:port or a stream factory.
 */
export { openTransport } from './open-transport';
export {
  DEFAULT_TRANSPORT_OPTIONS,
  type StreamFactory,
  type Transport,
  TransportClosedError,
  type TransportCloseKind,
  type TransportCloseReason,
  TransportOpenError,
  type TransportOptions,
  type TransportSpec,
} from './transport';
