import type { LinkOptions } from '../../../firmware-bridge/driver/options';

/** Short timeouts for in-process boards that answer at once. */
export const FAST: Partial<LinkOptions> = {
  replyTimeoutMs: 40,
  helloTimeoutMs: 60,
  jamWindowMs: 150,
  watchPollMs: 10,
  heartbeatIntervalMs: 60,
  pollIntervalMs: 20,
  backoffInitialMs: 10,
  backoffMaxMs: 40,
  maxOpensPerMinute: 10_000,
};
