import type { Logger } from 'pino';
import { DomainError } from '../domain/errors';
import { QR_PAYLOAD_VERSION } from '../domain/qr-payload';
import type { Ledger } from '../ledger';

/** Where a scan that is not a pickup receipt goes (the kiosk page, once it listens for scans). */
export type OtherScan = (length: number) => void;

/**
 * Runs a door-opening call under the kiosk-wide cap on opens (the same cap the HTTP paths use),
 * throwing a refusal with a `code` when the cap is full.
 */
export type OpenGuard = <T>(open: () => Promise<T>) => Promise<T>;

const unguarded: OpenGuard = (open) => open();

/**
 * A scan at the kiosk: our receipt QR (DL1....) starts a pickup at once, exactly as if the
 * citizen had presented it on screen, through the same throttled checks. Anything else is not
 * ours to act on. Only lengths, outcomes and ids are logged: a scan is a bearer secret.
 */
export function scanRouter(
  ledger: Ledger,
  log: Logger,
  other: OtherScan = () => {},
  guard: OpenGuard = unguarded,
) {
  return async (text: string): Promise<void> => {
    const payload = text.trim();
    if (!payload.startsWith(`${QR_PAYLOAD_VERSION}.`)) {
      log.info({ length: payload.length }, 'scan is not a pickup receipt');
      other(payload.length);
      return;
    }
    try {
      const opened = await guard(() => ledger.pickup.start({ qr: payload }));
      if (opened.ok) {
        log.info({ operationId: opened.operationId, lockerId: opened.lockerId }, 'pickup started by scan');
      } else {
        log.warn({ operationId: opened.operationId, lockerId: opened.lockerId }, 'pickup door did not open');
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (error instanceof DomainError || code === 'opens_capped') {
        log.info({ refusal: String(code) }, 'pickup scan refused');
      } else log.error({ err: (error as Error).name }, 'pickup scan failed');
    }
  };
}
