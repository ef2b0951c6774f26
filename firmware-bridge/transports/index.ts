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
