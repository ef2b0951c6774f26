/**
 * The numbers of the line dialect that both ends must agree on (PROTOCOL.md explains each).
 * The codec enforces only the syntactic limits; the board enforces the semantic bounds by
 * answering NAK RANGE, so a host bug is reported instead of silently clamped.
 */

/** Longest line in bytes, not counting the '\n' (a '\r' before it counts). */
export const LINE_MAX_BYTES = 128;

/** Largest number any decimal field may carry (sequence numbers wrap at it). */
export const LINE_MAX_NUMBER = 65535;

/** Boards on one bridge are numbered 0..15, channels on a board 0..15. */
export const LINE_MAX_BOARDS = 16;
export const LINE_MAX_CHANNELS = 16;

/** Solenoid pulse bounds: shorter does not pull the latch reliably, longer overheats the coil. */
export const LINE_PULSE_MIN_MS = 100;
export const LINE_PULSE_MAX_MS = 2000;

/** How long a board may take to answer a request, counted from the request's '\n'. */
export const LINE_REPLY_DEADLINE_MS = 100;

/** How many executed open sequence numbers a board must remember to answer NAK DUPLICATE. */
export const LINE_DUPLICATE_WINDOW = 32;
