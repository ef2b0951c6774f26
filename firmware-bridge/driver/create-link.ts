import { KERONG_CHANNELS, KERONG_MAX_BOARD } from '../kerong/codec';
import { CU16_PROFILE, type KerongProfile } from '../kerong/profile';
import { KERONG_REQUEST_BYTES } from '../kerong/types';
import type { TransportSpec } from '../transports';
import type { LinkClock } from './clock';
import { kerongDialect } from './kerong-dialect';
import { lineDialect } from './line-dialect';
import { BusLink } from './link';
import type { LinkLogger } from './logger';
import { type LinkOptions, resolveLinkOptions } from './options';
import { type FrameSizes, LINE_FRAME_SIZES } from './reply-timeout';
import { LinkError, type LockerLink } from './types';

export interface LinkConfig {
  /** A tty path (prefer /dev/serial/by-id/...), `tcp://host:port`, or a function returning a stream. */
  transport: TransportSpec;
  dialect: 'line' | 'kerong';
  /** Boards to read at connect (Kerong: and to poll). Line default: all that HELLO reports; Kerong: [0]. */
  boards?: readonly number[];
  /** Kerong: doors wired per board (1-16, default 16). */
  channels?: number;
  /** Kerong: how this board model frames and lays out its replies (default CU16_PROFILE). */
  kerongProfile?: KerongProfile;
  options?: Partial<LinkOptions>;
  /** A pino child logger, or anything with the same methods. */
  logger?: LinkLogger;
  /** Time and timers; default the process clock. Tests pass a manual clock. */
  clock?: LinkClock;
}

/** Builds the link for one bus; call start() to connect. Throws LinkError('bad_config') on a bad config. */
export function createLink(config: LinkConfig): LockerLink {
  if (typeof config.transport === 'string' && config.transport.length === 0) {
    throw new LinkError('bad_config', 'transport: empty port path');
  }
  for (const board of config.boards ?? []) {
    if (!Number.isInteger(board) || board < 0 || board > 15)
      throw new LinkError('bad_config', `boards: ${board} is not 0-15`);
  }
  const base = {
    transport: config.transport,
    boards: config.boards,
    logger: config.logger,
    clock: config.clock,
  };
  if (config.dialect === 'line') {
    return new BusLink({
      ...base,
      dialect: lineDialect(),
      options: settle(config.options, LINE_FRAME_SIZES),
    });
  }
  if (config.dialect === 'kerong') {
    for (const board of config.boards ?? []) {
      if (board > KERONG_MAX_BOARD)
        throw new LinkError(
          'bad_config',
          `boards: ${board} is not 0-${KERONG_MAX_BOARD} (Kerong boards number 0-9)`,
        );
    }
    const channels = config.channels ?? KERONG_CHANNELS;
    if (!Number.isInteger(channels) || channels < 1 || channels > KERONG_CHANNELS) {
      throw new LinkError('bad_config', `channels: ${channels} is not 1-${KERONG_CHANNELS}`);
    }
    const profile = config.kerongProfile ?? CU16_PROFILE;
    const frames = {
      requestBytes: KERONG_REQUEST_BYTES,
      replyBytes: Math.max(...Object.values(profile.replyLength)),
    };
    // The board model's own speed unless the configuration names another.
    const options = settle({ baudRate: profile.baud, ...config.options }, frames);
    return new BusLink({ ...base, dialect: kerongDialect(profile, channels), options });
  }
  throw new LinkError('bad_config', `dialect: ${String(config.dialect)} is not line or kerong`);
}

function settle(overrides: Partial<LinkOptions> | undefined, frames: FrameSizes): LinkOptions {
  try {
    return resolveLinkOptions(overrides, frames);
  } catch (error) {
    throw new LinkError('bad_config', (error as Error).message);
  }
}
