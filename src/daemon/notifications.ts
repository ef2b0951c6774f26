import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createLogProvider, createOutboxSender, createWebhookProvider, type OutboxSender } from '../notify';
import type { Store } from '../store';

/** The outbox sender over the configured provider; the webhook's secret is read from its own file. */
export function outboxSender(config: Config, store: Store, kioskKey: Buffer, log: Logger): OutboxSender {
  const n = config.notifications;
  const provider =
    n.provider === 'webhook'
      ? createWebhookProvider({ url: n.url, secret: readSecret(n.secretFile) })
      : createLogProvider(log);
  return createOutboxSender({
    store,
    provider,
    kioskKey,
    kioskName: config.kiosk.smsName,
    reclaimAfterDays: config.retention.reclaimAfterDays,
    logger: log,
  });
}

/** The file holds the secret as text (a trailing newline from an editor is not part of it). */
function readSecret(file: string): Buffer {
  return Buffer.from(readFileSync(file, 'utf8').replace(/\r?\n$/, ''), 'utf8');
}
