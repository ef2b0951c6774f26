import { EIGHTY_MAX_LOCKS, EIGHTY_QUERY_HEADER, EIGHTY_STATE_HIGH, EIGHTY_STATE_LOW } from './types';

/**
 * What a particular 8A/80 board says and how to read it. The sources disagree, so the
 * disagreements are data here, not branches in the codec:
 *
 * - Polarity. Each lock has one switch, on the lock's hook. Whether a set bit (or state 0x11)
 *   means "locked" depends on whether that switch is normally open or normally closed. The
 *   vendor manual quoted in dp2's WjlLockDriver.cs says, for a normally-open switch, that a set
 *   bit of the whole-board reply means shut (dp2's code reads a clear bit as open), and in its
 *   example that a one-lock reply of 0x11 means the lock is open (dp2's code reads non-zero as
 *   open). The same page also says the opposite for the one-lock reply, so both are fields.
 * - Header of the unlock reply: 0x80 in dp2's manual, 0x8A in another source. With 0x8A and
 *   state 0x11 the reply is byte for byte the unlock request itself, so an adapter's echo of our
 *   own request reads as a reply: such a bus needs the link's echo drop.
 * - Timing: the unlock reply comes once the lock has moved, about 1 s after the command (the
 *   manual: "the electronic lock needs 1 second to open"); dp2 waits 100 ms after a status query
 *   before reading, on the maker's advice, so a status reply may take that long.
 */
export interface EightyProfile {
  name: string;
  /** Serial line speed (8N1). */
  baud: number;
  /** Locks wired per board, 1-32 (the whole-board reply always carries 32 bits). */
  locks: number;
  /** true: in a whole-board reply a set bit means the lock is engaged (shut). */
  boardBitLocked: boolean;
  /** The state byte (0x00 or 0x11) of a one-lock or unlock reply that means engaged. */
  lockStateLocked: number;
  /** The first byte of the board's reply to an unlock: 0x80 or 0x8A. */
  unlockReplyHeader: number;
  /** How long each command's reply may take, from handing the request to the transport. */
  replyTimeoutMs: { status: number; open: number };
  /** The maker's advice: give the board this long after a status query before its reply is due. */
  statusReplyDelayMs: number;
}

/** The board as dp2's WjlLockDriver.cs reads it (9600 baud, 8 locks a board by default). */
export const EIGHTY_PROFILE: EightyProfile = {
  name: '8a80',
  baud: 9600,
  locks: 8,
  boardBitLocked: true,
  lockStateLocked: EIGHTY_STATE_LOW,
  unlockReplyHeader: EIGHTY_QUERY_HEADER,
  // Status: 100 ms advised delay + 13 bytes at 9600 baud (13.5 ms) + host slack (50 ms), rounded up.
  // Open: about 1 s for the lock to move + 10 bytes on the wire + the same slack, rounded up.
  replyTimeoutMs: { status: 200, open: 1300 },
  statusReplyDelayMs: 100,
};

/** Refuses a profile that cannot describe a real board, naming the field. */
export function checkEightyProfile(profile: EightyProfile): EightyProfile {
  const fail = (field: string, why: string) => {
    throw new RangeError(`8A/80 profile ${profile.name}: ${field} ${why}`);
  };
  if (!Number.isInteger(profile.baud) || profile.baud < 1) fail('baud', 'must be a positive integer');
  if (!Number.isInteger(profile.locks) || profile.locks < 1 || profile.locks > EIGHTY_MAX_LOCKS)
    fail('locks', `must be 1-${EIGHTY_MAX_LOCKS}`);
  if (profile.lockStateLocked !== EIGHTY_STATE_LOW && profile.lockStateLocked !== EIGHTY_STATE_HIGH)
    fail('lockStateLocked', 'must be 0x00 or 0x11');
  if (profile.unlockReplyHeader !== 0x80 && profile.unlockReplyHeader !== 0x8a)
    fail('unlockReplyHeader', 'must be 0x80 or 0x8A');
  for (const [command, ms] of Object.entries(profile.replyTimeoutMs)) {
    if (!Number.isFinite(ms) || ms < 1) fail(`replyTimeoutMs.${command}`, 'must be at least 1');
  }
  if (profile.replyTimeoutMs.status < profile.statusReplyDelayMs)
    fail('replyTimeoutMs.status', 'must cover statusReplyDelayMs');
  return profile;
}
