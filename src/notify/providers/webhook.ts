import { signatureHeader } from './signature';
import { type OutgoingSms, ProviderError, type SmsProvider } from './types';

export interface WebhookProviderConfig {
  /** https, or http on a loopback address only: the body carries a pickup code. */
  readonly url: string;
  /** Shared HMAC key, at least 32 bytes. */
  readonly secret: Buffer;
  /** Whole request, headers and status (default 10 s). */
  readonly timeoutMs?: number;
  /** Seconds since the epoch for the signature; injected by tests. */
  readonly nowSeconds?: () => number;
  readonly name?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProviderError('misconfigured', false, 'webhook url is not a URL');
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new ProviderError('misconfigured', false, 'webhook url must be https (http only on loopback)');
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function statusError(status: number, retryAfter: string | null): ProviderError {
  const pause = retryAfterMs(retryAfter, Date.now());
  if (status === 429) return new ProviderError('rate_limited', true, 'http 429', status, pause);
  if (status === 408) return new ProviderError('server_error', true, 'http 408', status, pause);
  if (status >= 500) return new ProviderError('server_error', true, `http ${status}`, status, pause);
  if (status >= 400) return new ProviderError('rejected', false, `http ${status}`, status);
  return new ProviderError('unexpected_status', false, `http ${status}`, status);
}

function transportError(error: unknown): ProviderError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new ProviderError('timeout', true, 'timed out');
  // fetch reports socket failures as TypeError('fetch failed') with the system error as cause.
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'unknown';
  return new ProviderError('network', true, `network ${code}`);
}

/**
 * POSTs `{ id, kind, to, text }` as JSON with an HMAC signature. 2xx means delivered to the
 * gateway; 4xx is permanent except 408 and 429; 5xx, timeouts and socket errors may be retried.
 * `Idempotency-Key` is the outbox id, so a gateway can drop the duplicate of a send whose reply
 * was lost. Redirects are not followed: the signed body goes only where it was configured to.
 */
export function createWebhookProvider(config: WebhookProviderConfig): SmsProvider {
  const url = checkedUrl(config.url);
  if (config.secret.length < 32)
    throw new ProviderError('misconfigured', false, 'webhook secret under 32 bytes');
  const timeoutMs = config.timeoutMs ?? 10_000;
  const nowSeconds = config.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return {
    name: config.name ?? 'webhook',
    async send(message: OutgoingSms) {
      const body = JSON.stringify({ id: message.id, kind: message.kind, to: message.to, text: message.text });
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'idempotency-key': message.id,
            'x-signature': signatureHeader(config.secret, nowSeconds(), body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw transportError(error);
      }
      // The reply body is not needed; release the connection without reading it.
      await response.body?.cancel().catch(() => {});
      if (response.status >= 200 && response.status < 300) return;
      throw statusError(response.status, response.headers.get('retry-after'));
    },
  };
}
