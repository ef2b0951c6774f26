import type { Simulator } from '../../../hardware-sim/simulator';
import { openStore } from '../../../src/store/database';
import { foundState } from './technician';
import type { WorkerProcess } from './worker-process';

const SETTLE_TIMEOUT_MS = 10_000;

/**
 * A technician's round between two crashes: every dossier in needs_inspection gets looked at.
 * The technician shuts a door found standing open, looks inside, and records what is there
 * through the ledger (the worker holds the only writer).
 */
export async function settleInspections(
  db: string,
  sim: Simulator,
  worker: WorkerProcess,
): Promise<{ settled: number; failures: string[] }> {
  const store = openStore(db);
  const todo: { dossierId: number; found: string }[] = [];
  try {
    for (const dossier of store.dossiers.listByState('needs_inspection', 1000)) {
      const locker = dossier.lockerId === null ? undefined : store.lockers.get(dossier.lockerId);
      if (!locker) continue;
      if (sim.truth(locker.board, locker.channel).doorOpen) sim.closeDoor(locker.board, locker.channel);
      const found = foundState(dossier.inspectedFrom, sim.truth(locker.board, locker.channel));
      todo.push({ dossierId: dossier.id, found });
    }
  } finally {
    store.close();
  }
  let settled = 0;
  const failures: string[] = [];
  for (const { dossierId, found } of todo) {
    worker.send({ type: 'settle', dossierId, found });
    const answer = await worker.waitFor(
      (l) => (l.type === 'settled' || l.type === 'settle_failed') && l.dossierId === dossierId,
      `the settlement of dossier ${dossierId}`,
      SETTLE_TIMEOUT_MS,
    );
    if (answer.type === 'settled') settled++;
    else if (answer.type === 'settle_failed')
      failures.push(`dossier ${dossierId} -> ${found}: ${answer.reason}`);
  }
  return { settled, failures };
}
