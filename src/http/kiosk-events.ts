import type { LinkEvent, LockerLink } from '../../firmware-bridge/driver/types';
import type { DoorPort } from '../ledger';
import type { KioskEvent, KioskEventSource } from './deps';

/**
 * A KioskEventSource over the ledger's door port and the locker links: what the composition
 * root hands to the app. Door events carry locker ids only.
 */
export function kioskEventsFrom(
  doors: DoorPort,
  links: ReadonlyMap<number, Pick<LockerLink, 'on' | 'off'>> = new Map(),
): KioskEventSource {
  return {
    subscribe(listener) {
      const offDoors = doors.subscribe((e) => {
        const change = e.type === 'opened' ? 'opened' : e.type === 'closed' ? 'closed' : 'uncommanded_open';
        listener({ type: 'door', lockerId: e.lockerId, change });
      });
      const offLinks = [...links].map(([bank, link]) => {
        const onEvent = (e: LinkEvent) => {
          if (e.type === 'link') listener({ type: 'link', bank, state: e.state });
        };
        link.on('event', onEvent);
        return () => link.off('event', onEvent);
      });
      return () => {
        offDoors();
        for (const off of offLinks) off();
      };
    },
  };
}

/** The app's own fan-out: the source's events plus what the app itself announces. */
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
