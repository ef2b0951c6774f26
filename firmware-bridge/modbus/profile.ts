import { WAVESHARE_FLASH_UNIT_MS } from './types';

/**
 * What a particular Modbus relay + input board is and how to read it, as data:
 *
 * - Unit: Waveshare boards leave the factory as unit 1, many generic relay boards as unit 255.
 * - Door reading: a status read is one Modbus read, so the profile says which. 'inputs' (FC02)
 *   reads the door sensors wired to the board's discrete inputs; 'coils' (FC01) reads the relay
 *   outputs, for boards with no inputs (then no door is ever seen open, and every open ends
 *   "jammed": use it only where nothing better exists).
 * - Input polarity is wiring: a reed contact that closes on a shut door sets its input while the
 *   door is shut (inputOpenWhenSet false); a contact that opens on a shut door is the reverse.
 * - Timing: RTU frames are separated by at least 3.5 character times of silence (Modbus over
 *   Serial Line V1.02, 2.5.1.1: 11-bit characters, and a fixed 1.75 ms above 19200 baud). The link
 *   must leave that gap before each request; it is data here for the driver core's bus hygiene.
 */
export interface ModbusProfile {
  name: string;
  /** Serial line speed (8N1). */
  baud: number;
  /** The unit a board answers to when the configuration names none. */
  defaultUnit: number;
  /** Relays (coils 0..relays-1): one door each, door c on relay c. 1-32. */
  relays: number;
  /** What a status read reads: the door sensor inputs (FC02) or the relay coils (FC01). */
  statusRead: 'inputs' | 'coils';
  /** true: a set discrete input means the door is open. */
  inputOpenWhenSet: boolean;
  /** Longest flash the board times, in its 100 ms units (an open's pulse is clamped to it). */
  maxFlashUnits: number;
  /** Silence before each request: 3.5 character times (modbusSilenceMs). */
  interFrameGapMs: number;
  /** How long each command's reply may take, from handing the request to the transport. */
  replyTimeoutMs: { status: number; open: number };
}

/** t3.5 of Modbus over Serial Line V1.02 at this speed, in milliseconds. */
export function modbusSilenceMs(baud: number): number {
  return baud > 19200 ? 1.75 : (3.5 * 11 * 1000) / baud;
}

/** Waveshare Modbus RTU Relay (D), 8 relays and 8 inputs, factory settings from its wiki. */
export const WAVESHARE_8CH_PROFILE: ModbusProfile = {
  name: 'waveshare-8ch',
  baud: 9600,
  defaultUnit: 1,
  relays: 8,
  statusRead: 'inputs',
  inputOpenWhenSet: false,
  // 2 s: far beyond any lock's pulse, so a wrong pulse setting cannot hold a lock open for long.
  maxFlashUnits: 2000 / WAVESHARE_FLASH_UNIT_MS,
  interFrameGapMs: modbusSilenceMs(9600),
  // 8-byte request + a reply of up to 9 bytes at 9600 baud (17.7 ms) + the board's turnaround,
  // held like every board to 100 ms + host slack (50 ms), rounded up. The FC05 echo is as fast.
  replyTimeoutMs: { status: 200, open: 200 },
};

/** Generic clones: the same frames, unit 255 from the factory. */
export const GENERIC_RELAY_PROFILE: ModbusProfile = {
  ...WAVESHARE_8CH_PROFILE,
  name: 'generic-relay',
  defaultUnit: 255,
};

/** Refuses a profile that cannot describe a real board, naming the field. */
export function checkModbusProfile(profile: ModbusProfile): ModbusProfile {
  const fail = (field: string, why: string) => {
    throw new RangeError(`Modbus profile ${profile.name}: ${field} ${why}`);
  };
  if (!Number.isInteger(profile.baud) || profile.baud < 1) fail('baud', 'must be a positive integer');
  if (!Number.isInteger(profile.defaultUnit) || profile.defaultUnit < 1 || profile.defaultUnit > 255)
    fail('defaultUnit', 'must be 1-255 (0 is the broadcast)');
  if (!Number.isInteger(profile.relays) || profile.relays < 1 || profile.relays > 32)
    fail('relays', 'must be 1-32');
  if (profile.statusRead !== 'inputs' && profile.statusRead !== 'coils')
    fail('statusRead', 'must be inputs or coils');
  if (!Number.isInteger(profile.maxFlashUnits) || profile.maxFlashUnits < 1 || profile.maxFlashUnits > 0xffff)
    fail('maxFlashUnits', 'must be 1-65535');
  if (!Number.isFinite(profile.interFrameGapMs) || profile.interFrameGapMs < modbusSilenceMs(profile.baud))
    fail('interFrameGapMs', `must be at least 3.5 character times (${modbusSilenceMs(profile.baud)} ms)`);
  for (const [command, ms] of Object.entries(profile.replyTimeoutMs)) {
    if (!Number.isFinite(ms) || ms < 1) fail(`replyTimeoutMs.${command}`, 'must be at least 1');
  }
  return profile;
}
