/**
 * Frames of the Kerong CU16 (KU16, DS16) dialect: `02 ADDR CMD 03 SUM`, SUM the low byte of
 * the sum of all earlier bytes. ADDR carries the board in its high nibble and the lock index
 * (0-15) in its low nibble. No sequence number, no CRC: robustness is the host's job.
 */
export const KERONG_STX = 0x02;
export const KERONG_ETX = 0x03;
/** Every request is `02 ADDR CMD 03 SUM`. */
export const KERONG_REQUEST_BYTES = 5;

export const KerongCommand = {
  statusOne: 0x30,
  unlockOne: 0x31,
  statusAll: 0x32, // broadcast 0xF0: never used by the driver for opens
  unlockAll: 0x33, // bulk open: the driver never sends it
  setPulse: 0x37,
  delayedUnlock: 0x39,
} as const;

export interface KerongRequest {
  board: number; // 0-15
  lock: number; // 0-15
  command: number;
}

/** A reply as framed off the wire; its meaning depends on the board profile (see profile.ts). */
export interface KerongReply {
  board: number;
  lock: number;
  command: number;
  data: Buffer; // bytes between CMD and ETX
}
