import type { Simulator } from '../../hardware-sim/simulator';
import type { SimulatorControl } from '../kiosk';
import type { EmbeddedBuses } from './embedded-buses';

export interface DoorWiring {
  readonly bank: number;
  readonly board: number;
  readonly channel: number;
}

/** The demo simulator's hands by locker id, as the kiosk's /sim endpoints use them. */
export function simulatorControl(
  buses: EmbeddedBuses,
  wiringOf: (lockerId: number) => DoorWiring | undefined,
  scan: (payload: string) => void,
): SimulatorControl {
  const at = (lockerId: number, act: (sim: Simulator, board: number, channel: number) => void) => {
    const w = wiringOf(lockerId);
    const sim = w && buses.simulators.get(w.bank);
    if (!w || !sim) throw new Error(`locker ${lockerId} is not on a simulated bus`);
    act(sim, buses.boardIndex(w.bank, w.board), w.channel);
  };
  return {
    closeDoor: (id) => at(id, (sim, b, c) => sim.closeDoor(b, c)),
    forceOpen: (id) => at(id, (sim, b, c) => sim.forceOpen(b, c)),
    putItem: (id) => at(id, (sim, b, c) => sim.putItem(b, c)),
    takeItem: (id) => at(id, (sim, b, c) => sim.takeItem(b, c)),
    jam: (id, jammed) => at(id, (sim, b, c) => (jammed ? sim.jam(b, c) : sim.unjam(b, c))),
    scan,
    cutLink: (bank, cut) => buses.cut(bank, cut),
  };
}
