import type { LockerSize } from '../store';
import type { KioskContext } from './context';
import { checkHealth, type HealthReport, linksUp } from './health';

export type KioskStatus = ReturnType<typeof kioskStatus>;

/** Whether the kiosk takes drop-offs and pickups now, as the screen and the watchdog ask it. */
export function kioskStatus(ctx: Pick<KioskContext, 'store' | 'linksHealth'>) {
  const { store, linksHealth } = ctx;
  return {
    /** In service, and the free doors of each size. */
    now() {
      const maintenance = store.settings.maintenanceMode();
      const linkDown = !linksUp(linksHealth());
      const freeDoors: Record<LockerSize, number> = { S: 0, M: 0, L: 0 };
      for (const l of store.lockers.listAvailable()) freeDoors[l.size]++;
      return { inService: !maintenance && !linkDown, maintenance, linkDown, freeDoors };
    },
    /** The first message of the live feed, so a screen that (re)connects is in sync. */
    hello() {
      return {
        type: 'hello' as const,
        maintenance: store.settings.maintenanceMode(),
        linkDown: !linksUp(linksHealth()),
      };
    },
    /** Store, links and every wired board, for the watchdog and monitoring. */
    health(): HealthReport {
      return checkHealth(store, linksHealth());
    },
  };
}
