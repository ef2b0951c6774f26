import type { CloseResult } from '../ledger';
import type { KioskContext } from './context';
import { openedOrRefuse } from './door-reply';
import { ensureInService } from './in-service';
import { printOnClose } from './print-on-close';
import { receiptQrImage } from './receipt-qr';
import { KioskRefusal } from './refusals';

export interface DropOffStart {
  readonly procedureCode: string;
  readonly onlineCode?: string | null;
  readonly name: string;
  readonly phone: string;
}

/** The ticket the kiosk screen follows its door with. */
export interface TicketReply {
  readonly ticket: string;
  readonly door: number;
}

export interface DropOffReceipt {
  readonly receiptNo: string;
  readonly receiptDisplay: string;
  readonly appointmentDate: string;
  readonly qrPayload: string;
  readonly qrImage: string;
  readonly door: number;
}

function dropOffStatus(r: CloseResult | null) {
  if (!r) return 'door_open' as const;
  if (r.state === 'deposited') return 'deposited' as const;
  if (r.state === 'cancelled') return 'cancelled' as const;
  return 'needs_inspection' as const;
}

export type DropOffs = ReturnType<typeof dropOffs>;

/** A citizen's drop-off at the kiosk screen: a door opened, followed, and the receipt once. */
export function dropOffs(ctx: KioskContext) {
  const { ledger, store, linksHealth, tickets, opens, hub } = ctx;
  const print = printOnClose(ctx);
  return {
    /** Reserves and opens a door under the opens cap; the screen follows it by the ticket. */
    async start(request: DropOffStart): Promise<TicketReply> {
      ensureInService(store, linksHealth);
      const result = openedOrRefuse(
        await opens.through(() =>
          ledger.dropOff.start({
            procedureCode: request.procedureCode,
            onlineCode: request.onlineCode ?? null,
            applicantName: request.name,
            applicantPhone: request.phone,
          }),
        ),
      );
      const ticket = tickets.open('dropoff', result, request.procedureCode, ledger.awaitClose);
      hub.publish({ type: 'progress', flow: 'dropoff', door: ticket.door, status: 'door_open' });
      ticket.closed.then(
        (r) => {
          hub.publish({ type: 'progress', flow: 'dropoff', door: ticket.door, status: dropOffStatus(r) });
          if (r.issued) print(r.issued, ticket.door, ticket.procedureCode, ticket.operationId);
        },
        () => {},
      );
      return { ticket: ticket.id, door: ticket.door };
    },

    /** Its progress after up to waitMs; the receipt comes once, on the first reading after the close. */
    async progress(ticketId: string, waitMs: number) {
      const ticket = tickets.get(ticketId, 'dropoff');
      if (!ticket) throw new KioskRefusal('not_found');
      const closed = await tickets.settle(ticket, waitMs);
      const status = dropOffStatus(closed);
      let receipt: DropOffReceipt | null = null;
      if (status === 'deposited' && closed?.issued && !ticket.receiptShown) {
        ticket.receiptShown = true;
        const issued = closed.issued;
        receipt = {
          receiptNo: issued.receiptNo,
          receiptDisplay: issued.receiptDisplay,
          appointmentDate: issued.appointmentDate,
          qrPayload: issued.qrPayload,
          qrImage: await receiptQrImage(issued.qrPayload),
          door: ticket.door,
        };
      }
      return { status, door: ticket.door, receipt };
    },

    /** The citizen backs out with the door open: closing it empty cancels. */
    backOut(ticketId: string): void {
      const ticket = tickets.get(ticketId, 'dropoff');
      if (!ticket) throw new KioskRefusal('not_found');
      if (ticket.result) throw new KioskRefusal('not_allowed');
      // The close is awaited through the ticket, which holds the one awaitClose of the receipt.
      void ledger.dropOff.backOut(ticket.operationId).catch(() => {});
    },
  };
}
