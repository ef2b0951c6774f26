import type { KioskContext } from './context';
import type { SimulatorControl } from './ports';
import { KioskRefusal } from './refusals';

export type DoorAction = 'close' | 'force_open' | 'put_item' | 'take_item' | 'jam' | 'unjam';

export type SimulatorHands = ReturnType<typeof simulatorHands>;

/**
 * A door or bank the kiosk knows but the simulator does not drive (a real bus beside simulated
 * ones): the simulator throws, which is the caller's mistake, not a fault of the kiosk.
 */
function simulated(act: () => void, detail: Readonly<Record<string, number>>): void {
  try {
    act();
  } catch {
    throw new KioskRefusal('not_simulated', detail);
  }
}

/** The demo simulator's hands: what a person would do to the doors, the scanner and the cable. */
export function simulatorHands(ctx: Pick<KioskContext, 'store'>, sim: SimulatorControl) {
  return {
    door(lockerId: number, action: DoorAction): void {
      if (!ctx.store.lockers.get(lockerId)) throw new KioskRefusal('not_found');
      const act: Record<DoorAction, () => void> = {
        close: () => sim.closeDoor(lockerId),
        force_open: () => sim.forceOpen(lockerId),
        put_item: () => sim.putItem(lockerId),
        take_item: () => sim.takeItem(lockerId),
        jam: () => sim.jam(lockerId, true),
        unjam: () => sim.jam(lockerId, false),
      };
      simulated(() => act[action](), { lockerId });
    },
    scan: (payload: string) => sim.scan(payload),
    cutLink(bank: number, cut: boolean): void {
      if (!ctx.store.lockers.list().some((l) => l.bank === bank))
        throw new KioskRefusal('not_found', { bank });
      simulated(() => sim.cutLink(bank, cut), { bank });
    },
  };
}
