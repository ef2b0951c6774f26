import type { LinkState } from '../../firmware-bridge';
import type { BilingualMessage } from '../domain/errors';

/** What the kiosk screen hears; ids and door numbers only, never a name, a code or a payload. */
export type KioskEvent =
  | {
      readonly type: 'door';
      readonly lockerId: number;
      readonly change: 'opened' | 'closed' | 'uncommanded_open';
    }
  | { readonly type: 'link'; readonly bank: number; readonly state: LinkState }
  | { readonly type: 'maintenance'; readonly on: boolean }
  /**
   * A kiosk flow moved on (announced by the kiosk services, not by the source): the screen then
   * reads the details with its own ticket. No ticket, receipt or dossier id is broadcast.
   */
  | {
      readonly type: 'progress';
      readonly flow: 'dropoff' | 'pickup';
      readonly door: number;
      readonly status:
        | 'door_open'
        | 'deposited'
        | 'cancelled'
        | 'picked_up'
        | 'left_inside'
        | 'needs_inspection';
    }
  /**
   * The kiosk's scanner read a receipt: its door opened (the screen claims the ticket with
   * POST /pickups/scanned) or it was refused with this code. What was scanned is never broadcast.
   */
  | { readonly type: 'scan'; readonly outcome: 'door_open'; readonly door: number }
  | {
      readonly type: 'scan';
      readonly outcome: 'refused';
      readonly code: string;
      readonly message: BilingualMessage;
    };

export interface KioskEventSource {
  /** Subscribes to kiosk events; returns the unsubscribe function. */
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

/** The kiosk's own fan-out: the source's events plus what the services announce. */
export class EventHub implements KioskEventSource {
  private readonly listeners = new Set<(event: KioskEvent) => void>();

  publish(event: KioskEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken socket must not keep the event from the others.
      }
    }
  }

  subscribe(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
