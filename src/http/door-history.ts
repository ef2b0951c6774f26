import type { DoorOperation, Store } from '../store';

/** How far back in the audit log a door's history looks (its most recent rows). */
const AUDIT_WINDOW = 20_000;

/**
 * The recent door operations of one door, newest first. The store indexes operations by dossier
 * only, so the audit log's `door.intent` rows (subject `locker:<id>`, detail.operationId) name
 * them; only the last AUDIT_WINDOW audit rows are read, which covers weeks of a kiosk's traffic.
 */
export function doorHistory(store: Store, lockerId: number, limit: number): DoorOperation[] {
  return store.read(() => {
    const head = store.audit.exportHead();
    const rows = store.audit.list(Math.max(0, head.seq - AUDIT_WINDOW), AUDIT_WINDOW);
    const subject = `locker:${lockerId}`;
    const ids: number[] = [];
    for (let i = rows.length - 1; i >= 0 && ids.length < limit; i--) {
      const row = rows[i]!;
      if (row.subject !== subject || row.action !== 'door.intent') continue;
      const id = (JSON.parse(row.detail) as { operationId?: unknown }).operationId;
      if (typeof id === 'number') ids.push(id);
    }
    return ids.map((id) => store.doorOperations.get(id)).filter((o): o is DoorOperation => o !== undefined);
  });
}
