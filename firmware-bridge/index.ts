/**
 * The locker-board link: what services import. Transports and dialect internals stay behind it.
 */
export { createLink, type LinkConfig } from './driver/create-link';
export type { LinkLogger } from './driver/logger';
export { DEFAULT_LINK_OPTIONS, type LinkOptions, resolveLinkOptions } from './driver/options';
export {
  type BoardReading,
  type DoorAddress,
  type DoorReading,
  LinkError,
  type LinkErrorCode,
  type LinkEvent,
  type LinkState,
  type LinkStats,
  type LockerLink,
  type OpenOutcome,
  type OpenOutcomeKind,
} from './driver/types';
export { CU16_PROFILE, type KerongProfile } from './kerong/profile';
export {
  openTransport,
  type StreamFactory,
  type Transport,
  type TransportCloseKind,
  type TransportCloseReason,
  type TransportOptions,
  type TransportSpec,
} from './transports';
