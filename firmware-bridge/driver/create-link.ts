import { checkEightyProfile, EIGHTY_PROFILE, type EightyProfile } from '../eighty/codec';
import { EIGHTY_BOARD_REPLY_BYTES, EIGHTY_SHORT_BYTES } from '../eighty/types';
import { KERONG_CHANNELS, KERONG_MAX_BOARD } from '../kerong/codec';
import { CU16_PROFILE, type KerongProfile } from '../kerong/profile';
import { KERONG_REQUEST_BYTES } from '../kerong/types';
import { checkModbusProfile, type ModbusProfile, WAVESHARE_8CH_PROFILE } from '../modbus/codec';
import { MODBUS_REQUEST_BYTES } from '../modbus/types';
import type { TransportSpec } from '../transports';
import type { LinkClock } from './clock';
import { eightyDialect } from './eighty-dialect';
import { kerongDialect } from './kerong-dialect';
import { lineDialect } from './line-dialect';
import { BusLink } from './link';
import type { LinkLogger } from './logger';
import { modbusDialect } from './modbus-dialect';
import { type LinkOptions, resolveLinkOptions } from './options';
import { type FrameSizes, LINE_FRAME_SIZES } from './reply-timeout';
import { LinkError, type LockerLink } from './types';

export interface LinkConfig {
  /** A tty path (prefer /dev/serial/by-id/...), `tcp://host:port`, or a function returning a stream. */
  transport: TransportSpec;
  dialect: 'line' | 'kerong' | '8a' | 'modbus';
  /**
   * Boards to read at connect (polled dialects: and to poll). Line default: all that HELLO
   * reports; Kerong: [0]; 8A/80: [1] (addresses 1-64); Modbus: the profile's unit (1-255).
   */
  boards?: readonly number[];
  /** Kerong: doors wired per board (1-16, default 16). */
  channels?: number;
  /** Kerong: how this board model frames and lays out its replies (default CU16_PROFILE). */
  kerongProfile?: KerongProfile;
  /** 8A/80: polarity, locks per board, unlock reply header, reply timeouts (default EIGHTY_PROFILE). */
  eightyProfile?: EightyProfile;
  /** Modbus: relays, door read, input polarity, timing (default WAVESHARE_8CH_PROFILE). */
  modbusProfile?: ModbusProfile;
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
  const [first, last] = BOARD_RANGE[config.dialect] ?? [0, 15];
  for (const board of config.boards ?? []) {
    if (!Number.isInteger(board) || board < first || board > last)
      throw new LinkError('bad_config', `boards: ${board} is not ${first}-${last}`);
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
  if (config.dialect === '8a') {
    const profile = checked(checkEightyProfile, config.eightyProfile ?? EIGHTY_PROFILE);
    const frames = { requestBytes: EIGHTY_SHORT_BYTES, replyBytes: EIGHTY_BOARD_REPLY_BYTES };
    const options = settle({ ...profileTiming(profile), ...config.options }, frames);
    return new BusLink({ ...base, boards: config.boards ?? [1], dialect: eightyDialect(profile), options });
  }
  if (config.dialect === 'modbus') {
    const profile = checked(checkModbusProfile, config.modbusProfile ?? WAVESHARE_8CH_PROFILE);
    const units = config.boards ?? [profile.defaultUnit];
    const frames = { requestBytes: MODBUS_REQUEST_BYTES, replyBytes: 5 + Math.ceil(profile.relays / 8) };
    const options = settle({ ...profileTiming(profile), ...config.options }, frames);
    return new BusLink({ ...base, boards: units, dialect: modbusDialect(profile, units), options });
  }
  throw new LinkError('bad_config', `dialect: ${String(config.dialect)} is not line, kerong, 8a or modbus`);
}

/** Board numbers each dialect can address: 8A/80 addresses are 1-64, Modbus units 1-255 (0 broadcasts). */
const BOARD_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  line: [0, 15],
  kerong: [0, KERONG_MAX_BOARD],
  '8a': [1, 64],
  modbus: [1, 255],
};

/**
 * The board model's speed, and one reply timeout long enough for its slowest command (an 8A/80
 * unlock reply comes about 1 s later), unless the configuration names others. The link has one
 * reply timeout for every command today; the profile keeps the per-command figures.
 */
function profileTiming(profile: {
  baud: number;
  replyTimeoutMs: Readonly<Record<string, number>>;
}): Partial<LinkOptions> {
  return { baudRate: profile.baud, replyTimeoutMs: Math.max(...Object.values(profile.replyTimeoutMs)) };
}

function checked<P>(check: (profile: P) => P, profile: P): P {
  try {
    return check(profile);
  } catch (error) {
    throw new LinkError('bad_config', (error as Error).message);
  }
}

function settle(overrides: Partial<LinkOptions> | undefined, frames: FrameSizes): LinkOptions {
  try {
    return resolveLinkOptions(overrides, frames);
  } catch (error) {
    throw new LinkError('bad_config', (error as Error).message);
  }
}
