import type {
  DoorReading as BoardDoorReading,
  DoorAddress,
  LinkEvent,
  LockerLink,
  OpenOutcome,
} from '../../firmware-bridge';
import type { DoorOutcome, DoorReading, DoorWiring } from '../domain/door';
import type { DoorEvent, DoorListener, DoorPort } from '../ledger';

/**
 * The ledger's DoorPort over the lock-board driver: locker ids become wiring (bank, board,
 * channel) on the way down, and the driver's outcomes, readings and events become the domain's
 * on the way up. Only the composition root builds one.
 */

/** Where a locker is wired: the store's lockers row carries these. */
export interface LockerWiring extends DoorWiring {
  readonly id: number;
}

export interface LinkDoorPortConfig {
  /** One link per bank (bus), by the bank number used in the lockers table. */
  readonly links: ReadonlyMap<number, LockerLink>;
  /** The lockers and their wiring; read again when an unknown locker or address turns up. */
  readonly lockers: () => readonly LockerWiring[];
}

/**
 * The driver's outcome as the domain's. The one rule that matters: an outcome the driver cannot
 * vouch for (link down after the command may have reached the board, or a kind this adapter
 * does not know) becomes "maybe executed", which the ledger sends to inspection, never "did not open".
 */
export function doorOutcomeOf(outcome: OpenOutcome): DoorOutcome {
  switch (outcome.kind) {
    case 'opened':
      return { kind: 'opened' };
    case 'already_open':
      return { kind: 'already_open' };
    case 'jammed':
      return { kind: 'jammed' };
    case 'refused':
      return { kind: 'refused', reason: outcome.reason };
    case 'link_down':
      return { kind: 'link_down', maybeExecuted: outcome.maybeExecuted, detail: outcome.detail };
    default: {
      const unknown: { kind?: unknown } = outcome;
      return {
        kind: 'link_down',
        maybeExecuted: true,
        detail: `unknown open outcome ${String(unknown.kind)}`,
      };
    }
  }
}

/** A board's reading of one door, copied so the ledger never holds the driver's cached object. */
export function doorReadingOf(reading: BoardDoorReading): DoorReading {
  return { locked: reading.locked, open: reading.open, present: reading.present };
}

const key = (bank: number, board: number, channel: number) => `${bank}:${board}:${channel}`;

/** A DoorPort over one or more locker links (one per bus). */
export function createLinkDoorPort(config: LinkDoorPortConfig): DoorPort {
  let byId = new Map<number, LockerWiring>();
  let byAddress = new Map<string, number>();
  const refresh = () => {
    const list = config.lockers();
    byId = new Map(list.map((l) => [l.id, l]));
    byAddress = new Map(list.map((l) => [key(l.bank, l.board, l.channel), l.id]));
  };
  refresh();
  const wiring = (lockerId: number): LockerWiring | undefined => {
    if (!byId.has(lockerId)) refresh();
    return byId.get(lockerId);
  };
  const lockerAt = (bank: number, door: DoorAddress): number | undefined => {
    const k = key(bank, door.board, door.channel);
    if (!byAddress.has(k)) refresh();
    return byAddress.get(k);
  };
  const listeners = new Set<DoorListener>();
  const emit = (event: DoorEvent) => {
    for (const l of listeners) l(event);
  };

  async function read(lockerId: number): Promise<DoorReading> {
    const w = wiring(lockerId);
    const link = w && config.links.get(w.bank);
    if (!w || !link) throw new Error(`locker ${lockerId} is not wired to a known bus`);
    const board = await link.readBoard(w.board);
    const door = board.doors[w.channel];
    if (!door) throw new Error(`board ${w.board} reports no channel ${w.channel}`);
    return doorReadingOf(door);
  }

  function cached(lockerId: number): DoorReading | null {
    const w = wiring(lockerId);
    const link = w && config.links.get(w.bank);
    if (!w || !link) return null;
    const door = link.snapshot().find((b) => b.board === w.board)?.doors[w.channel];
    return door ? doorReadingOf(door) : null;
  }

  // Counts each door's openings, so a close report delayed by its read is dropped once the
  // door has opened again (it would otherwise be taken for the close of the newer opening).
  const openings = new Map<number, number>();

  // The close is reported with a fresh presence reading: the cached one may predate the item,
  // so when the board cannot be read the presence is unknown (null), never guessed.
  async function closed(lockerId: number): Promise<void> {
    const opening = openings.get(lockerId) ?? 0;
    let present: boolean | null;
    let stillClosed = true;
    try {
      const reading = await read(lockerId);
      present = reading.present;
      stillClosed = !reading.open;
    } catch {
      present = null;
    }
    if (!stillClosed || (openings.get(lockerId) ?? 0) !== opening) return;
    emit({ type: 'closed', lockerId, present });
  }

  for (const [bank, link] of config.links) {
    link.on('event', (event: LinkEvent) => {
      if (event.type === 'door') {
        const lockerId = lockerAt(bank, event.door);
        if (lockerId === undefined) return;
        if (event.open) {
          openings.set(lockerId, (openings.get(lockerId) ?? 0) + 1);
          emit({ type: 'opened', lockerId, commanded: event.commanded });
        } else void closed(lockerId);
      } else if (event.type === 'uncommanded_open') {
        const lockerId = lockerAt(bank, event.door);
        if (lockerId !== undefined) emit({ type: 'uncommanded_open', lockerId });
      }
    });
  }

  return {
    async open(lockerId): Promise<DoorOutcome> {
      const w = wiring(lockerId);
      const link = w && config.links.get(w.bank);
      if (!w || !link) return { kind: 'refused', reason: 'locker not wired' };
      try {
        return doorOutcomeOf(await link.open({ board: w.board, channel: w.channel }));
      } catch (error) {
        // The driver resolves every outcome; a throw here is unexpected, so assume the worst.
        return { kind: 'link_down', maybeExecuted: true, detail: (error as Error).message };
      }
    },
    read,
    async readAll() {
      refresh();
      const out = new Map<number, DoorReading | null>();
      const boards = new Map<string, Promise<readonly BoardDoorReading[] | null>>();
      for (const w of byId.values()) {
        const link = config.links.get(w.bank);
        const k = `${w.bank}:${w.board}`;
        if (!boards.has(k)) {
          boards.set(
            k,
            link
              ? link.readBoard(w.board).then(
                  (b) => b.doors,
                  () => null,
                )
              : Promise.resolve(null),
          );
        }
        const doors = await boards.get(k)!;
        const door = doors?.[w.channel];
        out.set(w.id, door ? doorReadingOf(door) : null);
      }
      return out;
    },
    cached,
    async whenReady(timeoutMs) {
      const links = [...config.links.values()];
      const allReady = () => links.every((l) => l.state === 'ready');
      if (allReady()) return true;
      return new Promise<boolean>((resolve) => {
        const onEvent = (e: LinkEvent) => {
          if (e.type === 'link' && allReady()) done(true);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        const done = (ok: boolean) => {
          clearTimeout(timer);
          for (const l of links) l.off('event', onEvent);
          resolve(ok);
        };
        for (const l of links) l.on('event', onEvent);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
