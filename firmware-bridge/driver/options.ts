/**
 * Every timeout, retry count, interval and window of a locker link, in one place. Production
 * reads them from configuration; tests shorten them. Defaults suit a 19200-baud RS485 bus.
 */
export interface LinkOptions {
  /** How long a board may take to answer one command (request + reply wire time + reaction). */
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
  /** Serial line speed (8N1). */
  baudRate: number;
}

export const DEFAULT_LINK_OPTIONS: Readonly<LinkOptions> = Object.freeze({
  replyTimeoutMs: 150,
  helloTimeoutMs: 500,
  openRetries: 2,
  statusReadAttempts: 3,
  jamWindowMs: 3000,
  watchPollMs: 200,
  heartbeatIntervalMs: 1000,
  pollIntervalMs: 250,
  missedBeforeDown: 4,
  backoffInitialMs: 50,
  backoffMaxMs: 5000,
  defaultPulseMs: 500,
  debounceReadings: 2,
  maxOpensPerMinute: 30,
  connectTimeoutMs: 2000,
  baudRate: 19200,
});

/** Fills defaults and rejects nonsense (a zero timeout would turn every command into a failure). */
export function resolveLinkOptions(overrides: Partial<LinkOptions> = {}): LinkOptions {
  const options: LinkOptions = { ...DEFAULT_LINK_OPTIONS, ...overrides };
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
    'baudRate',
  ] as const) {
    if (options[name] < 1) throw new RangeError(`link option ${name} must be at least 1`);
  }
  return options;
}
