import { DomainError } from '../domain/errors';
import { QR_PAYLOAD_VERSION } from '../domain/qr-payload';
import type { HttpContext } from './context';
import { openedOrRefuse } from './door-reply';
import { type ErrorCode, errorBody, HttpRefusal } from './errors';
import { ensureInService } from './in-service';
import { followPickup } from './pickup-ticket';

/**
 * A line from the kiosk's own scanner. Our receipt QR starts a pickup at once, through the same
 * checks as one started on screen (in service, the kiosk-wide cap on opens, the shared attempt
 * counters in the ledger), and the screen is told over the live feed: the door opened (it claims
 * the ticket to show the door, the countdown and the rating) or the refusal to explain. Anything
 * else is not a receipt of ours. Only lengths, outcomes and ids are logged, and nothing scanned is
 * broadcast: a scan is a bearer secret.
 */
export function scanPickups(ctx: HttpContext): (text: string) => Promise<void> {
  const { deps, hub, opens, scanDesk } = ctx;
  const log = deps.logger.child({ layer: 'http', path: 'scanner' });
  // The refusal as an HTTP error body carries it: its code and its message in both languages.
  const refuse = (code: ErrorCode) =>
    hub.publish({ type: 'scan', outcome: 'refused', ...errorBody(code).error });

  return async (text) => {
    const qr = text.trim();
    if (!qr.startsWith(`${QR_PAYLOAD_VERSION}.`)) {
      log.info({ length: qr.length }, 'scan is not a pickup receipt');
      refuse('not_our_qr');
      return;
    }
    try {
      ensureInService(deps);
      const opened = await opens.through(() => deps.ledger.pickup.start({ qr }));
      if (!opened.ok)
        log.warn({ operationId: opened.operationId, lockerId: opened.lockerId }, 'pickup door did not open');
      const result = openedOrRefuse(opened);
      log.info({ operationId: result.operationId, lockerId: result.lockerId }, 'pickup started by scan');
      // Offered before it is announced: the screen that hears of the scan claims the ticket at once.
      const ticket = followPickup(ctx, result);
      scanDesk.offerTicket(ticket);
      hub.publish({ type: 'scan', outcome: 'door_open', door: ticket.door });
    } catch (error) {
      if (error instanceof DomainError || error instanceof HttpRefusal) {
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
