/** How long and how often a text is retried before staff are told it could not be sent. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  /** Pause after the first failure; it doubles after each further one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** 30 s doubling to an hour: ten attempts span about three hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

export class RetryPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryPolicyError';
  }
}

export function checkRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const { maxAttempts, baseDelayMs, maxDelayMs } = policy;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RetryPolicyError('maxAttempts must be >= 1');
  if (!(baseDelayMs > 0) || !(maxDelayMs >= baseDelayMs)) {
    throw new RetryPolicyError('delays must satisfy 0 < baseDelayMs <= maxDelayMs');
  }
  return policy;
}

/**
 * The pause after `failures` failed attempts (>= 1): exponential, capped, with "equal jitter" (a
 * random point in the upper half) so kiosks that lost the gateway together do not retry together.
 * A pause the provider asked for (Retry-After) is honoured up to the cap.
 */
export function retryDelayMs(
  failures: number,
  policy: RetryPolicy,
  random: () => number,
  atLeastMs = 0,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, atLeastMs)));
}
