import type { EightyProfile } from './profile';
import { EIGHTY_MAX_LOCKS } from './types';

/**
 * One lock as an 8A/80 board reports it. These boards have a single switch per lock, on its
 * hook, and no presence sensor: the hook only engages on a shut door, so "engaged" reads as
 * locked and shut, "released" as unlocked and open (a released hook on a door still pushed to
 * reads open too: the board cannot tell them apart).
 */
export interface EightyLockState {
  locked: boolean;
  open: boolean;
}

/** The locks 1..profile.locks of a whole-board reply, read through the board's polarity. */
export function readEightyBoard(bits: number, profile: EightyProfile): EightyLockState[] {
  const locks: EightyLockState[] = new Array(profile.locks);
  for (let lock = 0; lock < profile.locks; lock++) {
    const set = ((bits >>> lock) & 1) === 1;
    const locked = set === profile.boardBitLocked;
    locks[lock] = { locked, open: !locked };
  }
  return locks;
}

/** The bits a board sends for these locks (locks beyond the list read as engaged). */
export function writeEightyBoard(locked: readonly boolean[], profile: EightyProfile): number {
  if (locked.length > EIGHTY_MAX_LOCKS) throw new RangeError(`${locked.length} locks, at most 32`);
  let bits = 0;
  for (let lock = 0; lock < EIGHTY_MAX_LOCKS; lock++) {
    const engaged = locked[lock] ?? true;
    if (engaged === profile.boardBitLocked) bits |= 1 << lock;
  }
  return bits >>> 0;
}

/** A one-lock or unlock reply's state byte, read through the board's polarity. */
export function readEightyLockState(state: number, profile: EightyProfile): EightyLockState {
  const locked = state === profile.lockStateLocked;
  return { locked, open: !locked };
}
