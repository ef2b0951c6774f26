/**
 * A kiosk's whole cycle through the ledger's own flows, doors simulated in memory: drop-off,
 * collection (and the staff's confirmation with the one-stop code), loading, pickup. What the
 * store writes for it is counted from the write-ahead log itself (wal-count.ts): commits and
 * pages, which do not depend on the disk. fsyncs are counted by the kernel (store-fsync.ts).
 *
 * The store's idle work (idle-checkpoint.ts: a checkpoint and a marker commit restarting the log,
 * once enough has gathered) gets the quiet moments a daemon gives it: while a person stands at
 * an open door, and between two citizens.
 */
import { createLedger, type Ledger } from '../../src/ledger';
import type { Store } from '../../src/store/database';
import { FakeDoors } from '../ledger/fake-doors';
import { readWal, type WalCount } from './wal-count';

/** Monday 2027-03-01 09:00 in Ho Chi Minh City: inside receiving hours, no holiday. */
const MONDAY_9AM = Date.parse('2027-03-01T02:00:00Z');
const KIOSK_KEY = Buffer.alloc(32, 0x42);
const PROCEDURE = 'SYN.001';

export type CycleLedger = { ledger: Ledger; doors: FakeDoors; stop(): void };

/** A ledger over the store's own doors, with a clock that moves a second each reading. */
export function cycleLedger(store: Store): CycleLedger {
  const doors = new FakeDoors(store.lockers.list().map((l) => l.id));
  // The doors hold what the ledger says they hold: start-up reconciliation must find nothing
  // missing (an empty door under a live dossier would send it to inspection, and change the
  // bench file's work lists for every later run).
  for (const door of store.lockers.listWithOccupancy()) if (door.assigned) doors.putItem(door.id);
  let now = MONDAY_9AM;
  const ledger = createLedger({
    store,
    doors,
    clock: () => (now += 1000),
    kioskCode: '062',
    kioskKey: KIOSK_KEY,
    calendar: { holidays: [], receivingClosesAt: 17 * 60 },
    timeouts: { doorOpenMs: 600_000, linkReadyMs: 100 },
  });
  return { ledger, doors, stop: () => ledger.stop() };
}

export type CycleCounts = {
  /** Store commits and WAL frames of each door operation, from the command's request to its close. */
  readonly deposit: WalCount;
  readonly collect: WalCount;
  readonly load: WalCount;
  readonly pickup: WalCount;
  /** The whole cycle, staff confirmation included, idle work excluded. */
  readonly cycle: WalCount;
};

const ZERO: WalCount = { commits: 0, frames: 0 };
const plus = (a: WalCount, b: WalCount): WalCount => ({
  commits: a.commits + b.commits,
  frames: a.frames + b.frames,
});

/**
 * Runs one cycle. With `count`, the WAL is measured around each step (the idle work at the open
 * door runs outside the measured spans); without, the idle work runs as a daemon's would.
 */
export async function runCycle(store: Store, c: CycleLedger, count: boolean): Promise<CycleCounts | null> {
  const { ledger, doors } = c;
  let cycle = ZERO;
  const spans: WalCount[] = [];
  // One measured span: the log is read before and after, and no idle work runs in between.
  const measured = async <T>(step: () => Promise<T>): Promise<[T, WalCount]> => {
    const before = count ? readWal(store.path) : null;
    const value = await step();
    const delta = before ? readWal(store.path).since(before) : ZERO;
    cycle = plus(cycle, delta);
    return [value, delta];
  };
  const atTheDoor = () => store.checkpointIfDue();

  /** A door operation: request (intent and command), a person at the open door, the close. */
  async function doorOperation(
    start: () => Promise<{ operationId: number; lockerId: number; ok: boolean }>,
    hands: (lockerId: number) => void,
  ) {
    const [opened, first] = await measured(start);
    if (!opened.ok) throw new Error('door did not open');
    atTheDoor();
    const [closed, second] = await measured(async () => {
      hands(opened.lockerId);
      doors.close(opened.lockerId);
      return ledger.awaitClose(opened.operationId);
    });
    spans.push(plus(first, second));
    return closed;
  }

  const dropped = await doorOperation(
    () =>
      ledger.dropOff.start({
        procedureCode: PROCEDURE,
        applicantName: 'Tran Thi B',
        applicantPhone: '0912345678',
      }),
    (id) => doors.putItem(id),
  );
  if (dropped.state !== 'deposited' || !dropped.issued || dropped.dossierId === null) {
    throw new Error(`drop-off ended ${dropped.state}`);
  }
  const dossierId = dropped.dossierId;
  await doorOperation(
    () => ledger.collection.open(dossierId, 'bench'),
    (id) => doors.takeItem(id),
  );
  await measured(async () => ledger.collection.confirm(dossierId, `MC-${dossierId}`, 'bench'));
  await doorOperation(
    () => ledger.loading.open(dossierId, 'bench'),
    (id) => doors.putItem(id),
  );
  const picked = await doorOperation(
    () => ledger.pickup.start({ qr: dropped.issued!.qrPayload }),
    (id) => doors.takeItem(id),
  );
  if (picked.state !== 'picked_up') throw new Error(`pickup ended ${picked.state}`);
  // Between two citizens.
  atTheDoor();
  if (!count) return null;
  const [deposit, collect, load, pickup] = spans as [WalCount, WalCount, WalCount, WalCount];
  return { deposit, collect, load, pickup, cycle };
}
