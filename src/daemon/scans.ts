import type { Logger } from 'pino';
import { DomainError } from '../domain/errors';
import { QR_PAYLOAD_VERSION } from '../domain/qr-payload';
import type { Ledger } from '../ledger';

/** Where a scan that is not a pickup receipt goes (the kiosk page, once it listens for scans). */
export type OtherScan = (length: number) => void;

/**
 * A scan at the kiosk: our receipt QR (DL1....) starts a pickup at once, exactly as if the
 * citizen had presented it on screen, through the same throttled checks. Anything else is not
 * ours to act on. Only lengths, outcomes and ids are logged: a scan is a bearer secret.
 */
export function scanRouter(ledger: Ledger, log: Logger, other: OtherScan = () => {}) {
  return async (text: string): Promise<void> => {
    const payload = text.trim();
    if (!payload.startsWith(`${QR_PAYLOAD_VERSION}.`)) {
      log.info({ length: payload.length }, 'scan is not a pickup receipt');
      other(payload.length);
      return;
    }
    try {
      const opened = await ledger.pickup.start({ qr: payload });
      if (opened.ok) {
        log.info({ operationId: opened.operationId, lockerId: opened.lockerId }, 'pickup started by scan');
      } else {
        log.warn({ operationId: opened.operationId, lockerId: opened.lockerId }, 'pickup door did not open');
      }
    } catch (error) {
      if (error instanceof DomainError) log.info({ refusal: error.code }, 'pickup scan refused');
      else log.error({ err: (error as Error).name }, 'pickup scan failed');
    }
  };
}
