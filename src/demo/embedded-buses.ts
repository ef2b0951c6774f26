import type { Duplex } from 'node:stream';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import type { BusConfig } from '../config';
import { simulatedBus } from './simulated-bus';

/** The simulated boards of every bus whose connection is "embedded", by bank. */
export interface EmbeddedBuses {
  readonly simulators: ReadonlyMap<number, Simulator>;
  /** The simulator's board index of a configured board number (8A/80 and Modbus count from 1). */
  boardIndex(bank: number, board: number): number;
  /** The in-process cable for a bank's link; throws while that cable is cut. */
  transportFor(bank: number): () => Duplex;
  /** Pulls (true) or plugs back (false) a bank's cable: the link sees a disconnect, then fails to reconnect. */
  cut(bank: number, cut: boolean): void;
  stop(): Promise<void>;
}

export function startEmbeddedBuses(buses: readonly BusConfig[]): EmbeddedBuses {
  const simulators = new Map<number, Simulator>();
  const cut = new Set<number>();
  const boardIndexes = new Map<number, (board: number) => number>();
  for (const bus of buses) {
    if (bus.connection !== 'embedded') continue;
    const simulated = simulatedBus(bus);
    simulators.set(bus.bank, createSimulator(simulated.options));
    boardIndexes.set(bus.bank, simulated.boardIndex);
  }
  const simulatorOf = (bank: number): Simulator => {
    const sim = simulators.get(bank);
    if (!sim) throw new Error(`bank ${bank} is not simulated`);
    return sim;
  };
  return {
    simulators,
    boardIndex: (bank, board) => (boardIndexes.get(bank) ?? ((b: number) => b))(board),
    transportFor(bank) {
      const sim = simulatorOf(bank);
      return () => {
        if (cut.has(bank)) throw new Error('simulated cable pulled');
        return sim.connectPipe();
      };
    },
    cut(bank, on) {
      const sim = simulatorOf(bank);
      if (on) {
        cut.add(bank);
        sim.faults.disconnect();
      } else {
        cut.delete(bank);
      }
    },
    async stop() {
      for (const sim of simulators.values()) await sim.stop();
    },
  };
}
