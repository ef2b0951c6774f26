import type { LinkEvent, LockerLink } from '../../firmware-bridge';
import type { KioskEventSource } from '../kiosk';
import type { DoorPort } from '../ledger';

/**
 * A KioskEventSource over the ledger's door port and the locker links: what the composition
 * root hands to the kiosk services. Door events carry locker ids only.
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
