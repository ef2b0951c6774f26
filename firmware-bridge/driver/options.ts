import { type FrameSizes, LINE_FRAME_SIZES, replyTimeoutFor } from './reply-timeout';

/**
 * Every timeout, retry count, interval and window of a locker link, in one place. Production
 * reads them from configuration; tests shorten them. Defaults suit a 19200-baud RS485 bus.
 */
export interface LinkOptions {
  /**
   * How long a board may take to answer one command, from handing the request to the
   * transport. Unless set, derived from the baud rate and the dialect's longest frames
   * (reply-timeout.ts): 232 ms for line boards at 19200 baud.
   */
  replyTimeoutMs: number;
  /** How long the HELLO handshake may take after a (re)connect. */
  helloTimeoutMs: number;
  /** Resends of one open, each only after a status read showed the door locked and closed. */
  openRetries: number;
  /** Status reads tried after a failed open attempt before the board counts as unreachable. */
  statusReadAttempts: number;
  /** After the board executed an open, how long the door has to be seen open before "jammed". */
  jamWindowMs: number;
  /** Status read interval while watching a door after an open. */
  watchPollMs: number;
  /** Line dialect: PING when nothing was heard from the bus for this long. */
  heartbeatIntervalMs: number;
  /** Kerong: status poll interval; boards are polled in turn, one per interval. */
  pollIntervalMs: number;
  /** Consecutive unanswered commands (heartbeats, polls, anything) that make a link silent. */
  missedBeforeDown: number;
  /** Reconnect back-off: first delay, doubling up to the maximum, reset once ready again. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Lock pulse when the caller gives none. */
  defaultPulseMs: number;
  /** Consecutive equal readings before a door change is believed. */
  debounceReadings: number;
  /** Cap on door opens per minute on this bus (a remote attack opens doors one by one). */
  maxOpensPerMinute: number;
  /** How long a TCP connect or a serial open may take before it counts as failed. */
  connectTimeoutMs: number;
  /** TCP keep-alive initial delay, so the operating system notices a dead gateway too. */
  tcpKeepAliveMs: number;
  /** How often a serial link checks that its device node still exists (an unplugged adapter). */
  deviceWatchMs: number;
  /** Serial line speed (8N1). */
  baudRate: number;
}

const DEFAULT_BAUD = 19200;

export const DEFAULT_LINK_OPTIONS: Readonly<LinkOptions> = Object.freeze({
  replyTimeoutMs: replyTimeoutFor(DEFAULT_BAUD, LINE_FRAME_SIZES),
  helloTimeoutMs: 500,
  openRetries: 2,
  statusReadAttempts: 3,
  jamWindowMs: 3000,
  watchPollMs: 200,
  heartbeatIntervalMs: 1000,
  pollIntervalMs: 250,
  missedBeforeDown: 3, // PROTOCOL.md section 10
  backoffInitialMs: 50,
  backoffMaxMs: 5000,
  defaultPulseMs: 500,
  debounceReadings: 2,
  maxOpensPerMinute: 30,
  connectTimeoutMs: 2000,
  tcpKeepAliveMs: 5000,
  deviceWatchMs: 500,
  baudRate: DEFAULT_BAUD,
});

/**
 * Fills defaults and rejects nonsense (a zero timeout would turn every command into a failure).
 * The reply timeout, unless given, follows the baud rate and the dialect's longest frames.
 */
export function resolveLinkOptions(
  overrides: Partial<LinkOptions> = {},
  frames: FrameSizes = LINE_FRAME_SIZES,
): LinkOptions {
  const baudRate = overrides.baudRate ?? DEFAULT_BAUD;
  // A bad baud rate derives no timeout; the checks below refuse it by name.
  const derived = Number.isFinite(baudRate) && baudRate >= 1 ? replyTimeoutFor(baudRate, frames) : 1;
  const options: LinkOptions = { ...DEFAULT_LINK_OPTIONS, replyTimeoutMs: derived, ...overrides };
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`link option ${name} must be a non-negative number, got ${String(value)}`);
    }
  }
  for (const name of [
    'replyTimeoutMs',
    'helloTimeoutMs',
    'debounceReadings',
    'missedBeforeDown',
    'deviceWatchMs',
    'baudRate',
  ] as const) {
    if (options[name] < 1) throw new RangeError(`link option ${name} must be at least 1`);
  }
  return options;
}
