import type { CloseResult, DoorOpenResult } from '../ledger';
import type { HttpContext } from './context';
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
  ctx: Pick<HttpContext, 'deps' | 'tickets' | 'hub'>,
  opened: Extract<DoorOpenResult, { ok: true }>,
): DoorTicket {
  const ticket = ctx.tickets.open('pickup', opened, null, ctx.deps.ledger.awaitClose);
  ctx.hub.publish({ type: 'progress', flow: 'pickup', door: ticket.door, status: 'door_open' });
  ticket.closed.then(
    (r) => ctx.hub.publish({ type: 'progress', flow: 'pickup', door: ticket.door, status: pickupStatus(r) }),
    () => {},
  );
  return ticket;
}
