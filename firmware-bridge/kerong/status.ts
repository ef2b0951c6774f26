import type { ChannelState } from '../line/types';
import type { KerongProfile } from './profile';
import type { KerongReply } from './types';

export const KERONG_CHANNELS = 16;

/** A reply too short for the profile's status layout. */
export class KerongStatusError extends Error {
  readonly code = 'KERONG_STATUS';
  constructor(detail: string) {
    super(`not a Kerong status: ${detail}`);
    this.name = 'KerongStatusError';
  }
}

/** The 16 channels a status reply describes, read through the board's profile. */
export function readKerongStatus(reply: KerongReply, profile: KerongProfile): ChannelState[] {
  const layout = profile.status;
  const need = statusDataLength(profile);
  if (reply.data.length < need) throw new KerongStatusError(`${reply.data.length} data bytes, need ${need}`);
  const channels: ChannelState[] = new Array(KERONG_CHANNELS);
  for (let lock = 0; lock < KERONG_CHANNELS; lock++) {
    const half = lock < 8 ? 0 : 1;
    const hook = bitOf(reply.data[layout.hookBytes[half]]!, lock % 8, profile) === layout.hookActiveHigh;
    const present =
      bitOf(reply.data[layout.infraredBytes[half]]!, lock % 8, profile) === layout.infraredActiveHigh;
    channels[lock] = { locked: hook, doorOpen: layout.hookMeansDoorClosed ? !hook : false, present };
  }
  return channels;
}

/**
 * The data bytes a board sends for these channels. With a hook that only engages on a shut door,
 * the hook bit says "locked and closed"; an unlocked or open door both release it.
 */
export function writeKerongStatus(channels: readonly ChannelState[], profile: KerongProfile): Buffer {
  if (channels.length !== KERONG_CHANNELS)
    throw new KerongStatusError(`${channels.length} channels, need 16`);
  const layout = profile.status;
  const data = Buffer.alloc(statusDataLength(profile));
  for (let lock = 0; lock < KERONG_CHANNELS; lock++) {
    const channel = channels[lock]!;
    const half = lock < 8 ? 0 : 1;
    const hook = layout.hookMeansDoorClosed ? channel.locked && !channel.doorOpen : channel.locked;
    if (hook === layout.hookActiveHigh) data[layout.hookBytes[half]]! |= mask(lock % 8, profile);
    if (channel.present === layout.infraredActiveHigh)
      data[layout.infraredBytes[half]]! |= mask(lock % 8, profile);
  }
  return data;
}

function statusDataLength(profile: KerongProfile): number {
  const { hookBytes, infraredBytes } = profile.status;
  return Math.max(...hookBytes, ...infraredBytes) + 1;
}

function mask(bit: number, profile: KerongProfile): number {
  return profile.status.bitOrder === 'lsb-first' ? 1 << bit : 0x80 >> bit;
}

function bitOf(byte: number, bit: number, profile: KerongProfile): boolean {
  return (byte & mask(bit, profile)) !== 0;
}
