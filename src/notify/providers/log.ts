import { maskPhone } from './mask';
import type { OutgoingSms, SmsProvider } from './types';

/** pino's shape (a pino Logger or a child fits). */
export interface NotifyLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * For the demo and for kiosks without a gateway: records that a text would have gone out. It logs
 * ids, the kind and the masked phone only; never the text, which may carry a pickup code.
 */
export function createLogProvider(logger: NotifyLogger): SmsProvider {
  return {
    name: 'log',
    async send(message: OutgoingSms) {
      logger.info(
        {
          outboxId: message.outboxId,
          dossierId: message.dossierId,
          kind: message.kind,
          to: maskPhone(message.to),
          chars: message.text.length,
        },
        'sms not sent: log provider',
      );
    },
  };
}
