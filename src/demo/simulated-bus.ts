import type { SimulatorOptions } from '../../hardware-sim/simulator';
import type { BusConfig } from '../config';

/**
 * The simulated boards that stand in for a configured bus: as many boards and doors as its
 * lockers use, answering as its board profile says (a Kerong board's reply command and unlock
 * reply, an 8A/80 board's unlock reply header, every family's polarity), so the demo runs the
 * link exactly as the file configures it. 8A/80 addresses and Modbus units start at 1 on the
 * wire and the simulator's board b answers at b + 1 (hardware-sim/README.md).
 */
export function simulatedBus(bus: BusConfig): {
  options: SimulatorOptions;
  boardIndex: (board: number) => number;
} {
  const offset = bus.dialect === '8a' || bus.dialect === 'modbus' ? 1 : 0;
  const profile = bus.boardProfile;
  const options: SimulatorOptions = {
    dialect: bus.dialect,
    boards: Math.max(...bus.boards) + 1 - offset,
    // A Modbus status read asks for every relay's input: the board has as many as its profile.
    doors: profile?.dialect === 'modbus' ? profile.profile.relays : bus.channels,
    // No wire pacing: the demo shows the flows, not RS485 timing, and spares the CPU.
    baud: 'instant',
  };
  if (profile?.dialect === 'kerong') options.profile = profile.profile;
  if (profile?.dialect === '8a')
    options.wire = {
      unlockReplyHeader: profile.profile.unlockReplyHeader === 0x80 ? 0x80 : 0x8a,
      polarity: profile.profile.boardBitLocked ? 'normal' : 'inverted',
    };
  if (profile?.dialect === 'modbus')
    options.wire = { polarity: profile.profile.inputOpenWhenSet ? 'inverted' : 'normal' };
  return { options, boardIndex: (board) => board - offset };
}
