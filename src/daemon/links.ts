import type { Logger } from 'pino';
import {
  type BoardProfile,
  createLink,
  type LinkConfig,
  LinkError,
  type LockerLink,
  type TransportSpec,
} from '../../firmware-bridge';
import type { BusConfig } from '../config';
import type { BankHealth } from '../kiosk';

/**
 * One link per bus, by bank, started but not awaited: a bus that is down at boot keeps retrying
 * with back-off while the rest of the kiosk comes up (reconciliation waits for it, bounded).
 */
export function startLinks(
  buses: readonly BusConfig[],
  transportFor: (bus: BusConfig) => TransportSpec,
  log: Logger,
): Map<number, LockerLink> {
  const links = new Map<number, LockerLink>();
  for (const bus of buses) {
    const busLog = log.child({ bus: bus.name, bank: bus.bank });
    const link = createLink({
      transport: transportFor(bus),
      dialect: bus.dialect,
      boards: bus.boards,
      ...(bus.dialect === 'kerong' ? { channels: bus.channels } : {}),
      ...profileOption(bus.boardProfile),
      options: bus.link,
      logger: busLog,
    });
    // The link logs its own state changes; board faults are reported here for technicians.
    const offline = new Set<number>();
    offlineBoards.set(link, offline);
    link.on('event', (event) => {
      if (event.type === 'fault') busLog.warn({ board: event.board, code: event.code }, 'board fault');
      if (event.type === 'board' && event.state === 'offline') offline.add(event.board);
      if (event.type === 'board' && event.state === 'online') offline.delete(event.board);
      // A new session counts every board's silence afresh.
      if (event.type === 'link' && event.state !== 'ready') offline.clear();
    });
    link.start().catch((error: Error) => {
      // Stopped before it was ever ready: a shutdown while the bus was down, not a fault.
      if (error instanceof LinkError && error.code === 'stopped')
        busLog.info({}, 'link stopped before ready');
      else busLog.error({ err: error.message }, 'link did not start');
    });
    links.set(bus.bank, link);
  }
  return links;
}

/** The resolved board profile as the link takes it, one field per dialect. */
export function profileOption(
  board: BoardProfile | null,
): Pick<LinkConfig, 'kerongProfile' | 'eightyProfile' | 'modbusProfile'> {
  if (board?.dialect === 'kerong') return { kerongProfile: board.profile };
  if (board?.dialect === '8a') return { eightyProfile: board.profile };
  if (board?.dialect === 'modbus') return { modbusProfile: board.profile };
  return {};
}

/** Boards each link has marked offline (it stopped hearing from them), from its events. */
const offlineBoards = new WeakMap<LockerLink, ReadonlySet<number>>();

/**
 * Each bank's link state, counters and board readings. A board the link marked offline is left
 * out: its last reading is old news, and health reports it as not heard from.
 */
export function linksHealth(links: ReadonlyMap<number, LockerLink>): () => BankHealth[] {
  return () =>
    [...links].map(([bank, link]) => {
      const offline = offlineBoards.get(link);
      return {
        bank,
        state: link.state,
        stats: link.stats(),
        boards: link.snapshot().filter((b) => !offline?.has(b.board)),
      };
    });
}
