import type { CloseResult } from '../ledger';
import type { KioskContext } from './context';
import type { DoorOpened } from './door-reply';
import type { DoorTicket } from './tickets';

/** What the screen is told of a pickup door: still open, or how it closed. */
export function pickupStatus(r: CloseResult | null) {
  if (!r) return 'door_open' as const;
  if (r.state === 'picked_up') return 'picked_up' as const;
  if (r.state === 'ready' && !r.needsInspection) return 'left_inside' as const;
  return 'needs_inspection' as const;
}

/**
 * A pickup door that opened, whether the screen or the kiosk's scanner asked for it: a ticket the
 * screen follows, announced open on the live feed now and announced again when the door closes.
 */
export function followPickup(
  ctx: Pick<KioskContext, 'ledger' | 'tickets' | 'hub'>,
  opened: DoorOpened,
): DoorTicket {
  const ticket = ctx.tickets.open('pickup', opened, null, ctx.ledger.awaitClose);
  ctx.hub.publish({ type: 'progress', flow: 'pickup', door: ticket.door, status: 'door_open' });
  ticket.closed.then(
    (r) => ctx.hub.publish({ type: 'progress', flow: 'pickup', door: ticket.door, status: pickupStatus(r) }),
    () => {},
  );
  return ticket;
}
