/** One text on its way to one phone. `id` is stable across retries, for the gateway to deduplicate. */
export interface OutgoingSms {
  readonly id: string; // 'outbox-<id>'
  readonly outboxId: number;
  readonly dossierId: number | null;
  readonly kind: string;
  readonly to: string;
  readonly text: string;
}

/** Where texts go: an SMS gateway, the one-stop software, or a log for the demo. */
export interface SmsProvider {
  readonly name: string;
  /** Resolves once the provider has accepted the text; throws ProviderError otherwise. */
  send(message: OutgoingSms): Promise<void>;
}

export type ProviderErrorCode =
  | 'timeout'
  | 'network'
  | 'rate_limited' // 429
  | 'server_error' // 5xx, 408
  | 'rejected' // other 4xx: the same request would be refused again
  | 'unexpected_status' // 1xx/3xx: a misconfigured endpoint
  | 'misconfigured';

/**
 * A failed send. `retryable` says whether sending the same text later may succeed; the sender
 * backs off on those and gives up at once on the others. The message carries status codes and
 * error codes only, never the text or the phone number, since it is stored and logged.
 */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    readonly retryable: boolean,
    message: string,
    readonly status?: number,
    /** From a Retry-After header, when the provider asked for a pause. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
