/**
 * The daemon's start-up on the bench file: open the store (pragmas read back, migration check),
 * connect to the boards over loopback TCP, and run start-up reconciliation, which reads every
 * door and settles whatever a crash left open.
 */
import { createLink } from '../../firmware-bridge/driver/create-link';
import { createSimulator, type Simulator } from '../../hardware-sim/simulator';
import { createLinkDoorPort } from '../../src/daemon/link-door-port';
import { PROPERTY_STATES } from '../../src/domain/states';
import { createLedger, type ReconcileReport } from '../../src/ledger';
import { openStore } from '../../src/store/database';

export type StartupSample = {
  readonly ms: number;
  readonly openMs: number;
  readonly report: ReconcileReport;
};

/**
 * Boards at a real 19,200 baud, wired like the bench file's lockers, with an item behind every
 * door whose dossier holds citizen property (so reconciliation finds what the ledger expects).
 */
export async function benchBoards(path: string): Promise<{ sim: Simulator; port: number }> {
  const store = openStore(path);
  const lockers = store.lockers.list();
  const full = new Set<number>();
  for (const state of PROPERTY_STATES) {
    for (const d of store.dossiers.listByState(state, 1000)) if (d.lockerId !== null) full.add(d.lockerId);
  }
  store.close();
  const boards = Math.max(...lockers.map((l) => l.board)) + 1;
  const doors = Math.max(...lockers.map((l) => l.channel)) + 1;
  const sim = createSimulator({ dialect: 'line', boards, doors, baud: 19_200 });
  for (const locker of lockers) {
    if (!full.has(locker.id)) continue;
    sim.forceOpen(locker.board, locker.channel);
    sim.putItem(locker.board, locker.channel);
    sim.closeDoor(locker.board, locker.channel);
  }
  const port = await sim.listen('tcp://127.0.0.1:0');
  return { sim, port };
}

export async function measureStartup(path: string, port: number): Promise<StartupSample> {
  const started = performance.now();
  const store = openStore(path);
  const openMs = performance.now() - started;
  const link = createLink({ transport: `tcp://127.0.0.1:${port}`, dialect: 'line' });
  try {
    await link.start();
    const doors = createLinkDoorPort({ links: new Map([[1, link]]), lockers: () => store.lockers.list() });
    const ledger = createLedger({
      store,
      doors,
      kioskCode: '061',
      kioskKey: Buffer.alloc(32, 0x42),
      calendar: { holidays: [], receivingClosesAt: 17 * 60 },
    });
    const report = await ledger.reconcile();
    const ms = performance.now() - started;
    ledger.stop();
    return { ms, openMs, report };
  } finally {
    await link.stop();
    store.close();
  }
}
