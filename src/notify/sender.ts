import type { OutboxMessage, Store } from '../store';
import { checkRetryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './backoff';
import { prepare } from './prepare';
import type { NotifyLogger } from './providers/log';
import { isProviderError, ProviderError, type SmsProvider } from './providers/types';
import { renderSms, type SmsNotice, SmsTextError, smsKioskName } from './sms-text';

export interface OutboxSenderConfig {
  readonly store: Store;
  readonly provider: SmsProvider;
  /** The per-kiosk key the ledger sealed pickup codes under. */
  readonly kioskKey: Buffer;
  /** Where results are picked up, as named in texts (checked at creation). */
  readonly kioskName: string;
  /** Days a result waits before reclaim: the "until" date of the ready notice. */
  readonly reclaimAfterDays: number;
  readonly logger: NotifyLogger;
  readonly retry?: RetryPolicy;
  /** Pause between drains of the timer (default 15 s). */
  readonly intervalMs?: number;
  /** Messages taken per drain (default 20). */
  readonly batchSize?: number;
  readonly clock?: () => number;
  /** [0, 1), for the back-off jitter. */
  readonly random?: () => number;
}

export interface DrainReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  /** Not sent because there was nothing to send: no contact, or the news was out of date. */
  readonly skipped: number;
}

export interface OutboxSender {
  /** Sends what is due at `now`, one message after the other. Concurrent calls share one drain. */
  drainOnce(now?: number): Promise<DrainReport>;
  /** Drains every intervalMs until stop(). */
  start(): void;
  /** Stops the timer and waits for a drain in progress. */
  stop(): Promise<void>;
}

/** The incident kind staff and technicians see when a text was given up on. */
export const NOTIFICATION_FAILED_INCIDENT = 'notification_failed';

type Tally = { sent: number; retried: number; failed: number; skipped: number };

export function createOutboxSender(config: OutboxSenderConfig): OutboxSender {
  const { store, provider, logger } = config;
  const kioskName = smsKioskName(config.kioskName);
  const policy = checkRetryPolicy(config.retry ?? DEFAULT_RETRY_POLICY);
  const intervalMs = config.intervalMs ?? 15_000;
  const batchSize = config.batchSize ?? 20;
  const clock = config.clock ?? Date.now;
  const random = config.random ?? Math.random;
  const prepareCtx = {
    store,
    kioskKey: config.kioskKey,
    kioskName,
    reclaimAfterDays: config.reclaimAfterDays,
  };

  const ids = (m: OutboxMessage) => ({ outboxId: m.id, dossierId: m.dossierId, kind: m.kind });

  function giveUp(m: OutboxMessage, reason: string, at: number): void {
    store.write(() => {
      if (!store.outbox.markFailed(m.id, reason)) return;
      store.incidents.open({
        kind: NOTIFICATION_FAILED_INCIDENT,
        lockerId: null,
        detail: `outbox:${m.id} kind:${m.kind} attempts:${m.attempts + 1} error:${reason}`,
        openedAt: at,
      });
    });
    logger.error({ ...ids(m), attempts: m.attempts + 1, reason }, 'notification given up');
  }

  function render(notice: SmsNotice): string | null {
    try {
      return renderSms(notice);
    } catch (error) {
      if (error instanceof SmsTextError) return null;
      throw error;
    }
  }

  async function sendOne(m: OutboxMessage, timeOf: () => number, tally: Tally): Promise<void> {
    const prep = prepare(m, prepareCtx);
    if (prep.outcome === 'skip') {
      store.outbox.markFailed(m.id, `skipped:${prep.reason}`);
      logger.info({ ...ids(m), reason: prep.reason }, 'notification skipped');
      tally.skipped++;
      return;
    }
    if (prep.outcome === 'broken') {
      giveUp(m, prep.reason, timeOf());
      tally.failed++;
      return;
    }
    const text = render(prep.notice);
    if (text === null) {
      giveUp(m, 'text_rejected', timeOf());
      tally.failed++;
      return;
    }
    try {
      await provider.send({
        id: `outbox-${m.id}`,
        outboxId: m.id,
        dossierId: m.dossierId,
        kind: m.kind,
        to: prep.to,
        text,
      });
    } catch (error) {
      // Anything else thrown by a provider is a bug in it: worth another try, bounded like the rest.
      const failure = isProviderError(error) ? error : new ProviderError('network', true, 'provider threw');
      const reason = `${failure.code}: ${failure.message}`;
      const failures = m.attempts + 1;
      if (!failure.retryable || failures >= policy.maxAttempts) {
        giveUp(m, reason, timeOf());
        tally.failed++;
        return;
      }
      const at = timeOf();
      const next = at + retryDelayMs(failures, policy, random, failure.retryAfterMs ?? 0);
      store.outbox.markRetry(m.id, next, reason);
      logger.warn(
        { ...ids(m), attempts: failures, code: failure.code, nextAttemptAt: next },
        'notification retry',
      );
      tally.retried++;
      return;
    }
    if (store.outbox.markSent(m.id, timeOf())) tally.sent++;
    else logger.warn(ids(m), 'notification sent but no longer pending');
  }

  async function drain(now: number | undefined): Promise<DrainReport> {
    const timeOf = now === undefined ? clock : () => now;
    const tally: Tally = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (const m of store.outbox.due(timeOf(), batchSize)) {
      await sendOne(m, timeOf, tally);
    }
    return tally;
  }

  let running: Promise<DrainReport> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  function drainOnce(now?: number): Promise<DrainReport> {
    if (!running) {
      running = drain(now).finally(() => {
        running = null;
      });
    }
    return running;
  }

  function schedule(): void {
    // A stop() then start() while a drain runs must not leave two timers.
    if (!started || timer) return;
    timer = setTimeout(() => {
      timer = null;
      drainOnce()
        .catch((error: unknown) => {
          logger.error({ error: (error as Error).name }, 'notification drain failed');
        })
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    drainOnce,
    start() {
      if (started) return;
      started = true;
      schedule();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
