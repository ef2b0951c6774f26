/**
 * The locker-board link: what services import. Transports and dialect internals stay behind it.
 */

export {
  BOARD_PROFILE_NAMES,
  type BoardProfile,
  type ProfiledDialect,
  resolveBoardProfile,
} from './driver/board-profile';
export { type LinkClock, SYSTEM_CLOCK, type TimerHandle } from './driver/clock';
export {
  type CommissionReading,
  type CommissionVerdict,
  judgeCommissioning,
  type ProbeOptions,
  type ProbeResult,
  probeKerongBus,
} from './driver/commission-probe';
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
export {
  CU16_PROFILE,
  CU16_REPLY35_PROFILE,
  CU16_UNLOCK_STATUS_PROFILE,
  KERONG_PROFILES,
  type KerongProfile,
} from './kerong/profile';
export {
  BoardProfileError,
  type KerongProfileOverrides,
  resolveKerongProfile,
} from './kerong/resolve-profile';
export {
  openTransport,
  type StreamFactory,
  type Transport,
  type TransportCloseKind,
  type TransportCloseReason,
  type TransportOptions,
  type TransportSpec,
} from './transports';
