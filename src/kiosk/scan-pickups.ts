import { isDomainError } from '../domain/errors';
import { QR_PAYLOAD_VERSION } from '../domain/qr-payload';
import type { KioskContext } from './context';
import { openedOrRefuse } from './door-reply';
import { ensureInService } from './in-service';
import { followPickup } from './pickup-ticket';
import { KioskRefusal, messageFor, type RefusalCode } from './refusals';

/**
 * A line from the kiosk's own scanner. Our receipt QR starts a pickup at once, here in the kiosk
 * layer and through the same checks as one started on screen (in service, the kiosk-wide cap on
 * opens, the shared attempt counters in the ledger), and the screen is told over the live feed:
 * the door opened (it claims the ticket to show the door, the countdown and the rating) or the
 * refusal to explain. Anything else is not a receipt of ours. Only lengths, outcomes and ids are
 * logged, and nothing scanned is broadcast: a scan is a bearer secret.
 */
export function scanPickups(ctx: KioskContext): (text: string) => Promise<void> {
  const { hub, opens, scanDesk, ledger, store, linksHealth } = ctx;
  const log = ctx.logger.child({ path: 'scanner' });
  // The refusal as the screen shows any other: its code and its message in both languages.
  const refuse = (code: RefusalCode) => {
    const { vi, en } = messageFor(code);
    hub.publish({ type: 'scan', outcome: 'refused', code, message: { vi, en } });
  };

  return async (text) => {
    const qr = text.trim();
    if (!qr.startsWith(`${QR_PAYLOAD_VERSION}.`)) {
      log.info({ length: qr.length }, 'scan is not a pickup receipt');
      refuse('not_our_qr');
      return;
    }
    try {
      ensureInService(store, linksHealth);
      const opened = await opens.through(() => ledger.pickup.start({ qr }));
      if (!opened.ok)
        log.warn({ operationId: opened.operationId, lockerId: opened.lockerId }, 'pickup door did not open');
      const result = openedOrRefuse(opened);
      log.info({ operationId: result.operationId, lockerId: result.lockerId }, 'pickup started by scan');
      // Offered before it is announced: the screen that hears of the scan claims the ticket at once.
      const ticket = followPickup(ctx, result);
      scanDesk.offerTicket(ticket);
      hub.publish({ type: 'scan', outcome: 'door_open', door: ticket.door });
    } catch (error) {
      if (error instanceof KioskRefusal || isDomainError(error)) {
        log.info({ refusal: error.code }, 'pickup scan refused');
        // The screen asks for the digits and sends them with the QR held here.
        if (error.code === 'second_factor_required') scanDesk.hold(qr);
        refuse(error.code);
      } else {
        log.error({ err: (error as Error).name }, 'pickup scan failed');
        refuse('door_refused');
      }
    }
  };
}
