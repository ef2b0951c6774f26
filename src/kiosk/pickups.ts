import type { PickupCredentials } from '../ledger';
import type { KioskContext } from './context';
import { openedOrRefuse } from './door-reply';
import type { TicketReply } from './drop-offs';
import { ensureInService } from './in-service';
import { followPickup, pickupStatus } from './pickup-ticket';
import { KioskRefusal } from './refusals';
import type { ScanDesk } from './scan-desk';

/** What the screen sends to pick up: a QR, or a receipt number and code, or the held scan. */
export interface PickupStart {
  readonly qr?: string;
  readonly receiptNo?: string;
  readonly code?: string;
  readonly secondFactor?: string;
  /** The receipt the kiosk's scanner read and holds for its second factor. */
  readonly scanned?: boolean;
}

function credentialsOf(body: PickupStart, desk: ScanDesk): PickupCredentials {
  const second = body.secondFactor ? { secondFactor: body.secondFactor } : {};
  if (body.scanned === true) {
    // The receipt the kiosk's scanner read, held for its second factor: the QR stays in the daemon.
    if (body.qr !== undefined || body.receiptNo !== undefined || body.code !== undefined) {
      throw new KioskRefusal('bad_request');
    }
    const qr = desk.heldQr();
    if (qr === null) throw new KioskRefusal('not_found');
    return { qr, ...second };
  }
  if (body.qr !== undefined && body.receiptNo === undefined && body.code === undefined) {
    return { qr: body.qr, ...second };
  }
  if (body.qr === undefined && body.receiptNo !== undefined && body.code !== undefined) {
    return { receiptNo: body.receiptNo, code: body.code, ...second };
  }
  throw new KioskRefusal('bad_request');
}

export type Pickups = ReturnType<typeof pickups>;

/** A citizen's pickup at the kiosk screen, and the door a scan opened, claimed by the screen. */
export function pickups(ctx: KioskContext) {
  const { ledger, store, linksHealth, tickets, opens, scanDesk } = ctx;
  return {
    async start(body: PickupStart): Promise<TicketReply> {
      const credentials = credentialsOf(body, scanDesk);
      ensureInService(store, linksHealth);
      const result = openedOrRefuse(await opens.through(() => ledger.pickup.start(credentials)));
      if (body.scanned) scanDesk.release();
      const ticket = followPickup(ctx, result);
      return { ticket: ticket.id, door: ticket.door };
    },

    /** The door the kiosk's scanner opened, once; not_found when none waits or it lapsed. */
    claimScanned(): TicketReply {
      const ticket = scanDesk.claimTicket();
      if (!ticket) throw new KioskRefusal('not_found');
      return { ticket: ticket.id, door: ticket.door };
    },

    async progress(ticketId: string, waitMs: number) {
      const ticket = tickets.get(ticketId, 'pickup');
      if (!ticket) throw new KioskRefusal('not_found');
      const closed = await tickets.settle(ticket, waitMs);
      return { status: pickupStatus(closed), door: ticket.door };
    },

    /** Satisfaction 1-5, after the result was taken. */
    rate(ticketId: string, rating: number): void {
      const ticket = tickets.get(ticketId, 'pickup');
      if (!ticket) throw new KioskRefusal('not_found');
      if (ticket.result?.state !== 'picked_up' || ticket.dossierId === null) {
        throw new KioskRefusal('pickup_not_done');
      }
      ledger.pickup.rate(ticket.dossierId, rating);
    },
  };
}
