/**
 * Builds the benchmark ledger: a year of closed dossiers with their door operations, pickup
 * credentials, notifications and audit rows (the store's synthetic history), plus a few live
 * dossiers still holding doors, as a machine in service has.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from '../../src/store/database';
import { seedSyntheticDossiers } from '../../src/store/synthetic';

/** The year the synthetic history covers: 2025-11-01 .. 2026-11-01 (UTC). */
export const HISTORY_START = Date.UTC(2025, 10, 1);
export const HISTORY_DAYS = 365;
export const BENCH_LOCKERS = 24;
/** Live dossiers left in doors at the end: deposited ones waiting for staff, results waiting. */
export const LIVE_DEPOSITED = 3;
export const LIVE_READY = 3;

export type SeedReport = {
  readonly path: string;
  readonly dossiers: number;
  readonly seconds: number;
  readonly bytes: number;
  readonly bytesPerDossier: number;
};

export function defaultBenchPath(dossiers: number): string {
  return dossiers === 1_000_000 ? 'var/bench-1m.db' : `var/bench-${dossiers}.db`;
}

/** Main file plus WAL, as it stands on disk. */
export function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    if (existsSync(path + suffix)) total += statSync(path + suffix).size;
  }
  return total;
}

function addLiveDossiers(store: Store, at: number): void {
  const live = [
    ...Array.from({ length: LIVE_DEPOSITED }, () => 'deposited' as const),
    ...Array.from({ length: LIVE_READY }, () => 'ready' as const),
  ];
  store.write(() => {
    live.forEach((state, i) => {
      const lockerId = BENCH_LOCKERS - i;
      const id = store.dossiers.insert({
        receiptNo: `K01-LIVE-${String(i + 1).padStart(3, '0')}`,
        procedureCode: 'SYN.001',
        origin: state === 'ready' ? 'counter' : 'kiosk',
        state,
        lockerId,
        createdAt: at - (i + 1) * 3_600_000,
      });
      const purpose = state === 'ready' ? 'load' : 'deposit';
      const op = store.doorOperations.recordIntent({
        lockerId,
        dossierId: id,
        purpose,
        actor: 'kiosk',
        createdAt: at,
      });
      store.doorOperations.markSent(op, at + 100);
      store.doorOperations.settle(op, { state: 'confirmed', outcome: 'closed_with_item', at: at + 30_000 });
      store.audit.append({
        actor: 'kiosk',
        action: `door.${purpose}.confirmed`,
        subject: `dossier:${id}`,
        at: at + 30_000,
        detail: { locker: lockerId, op },
      });
    });
  });
}

/** Where the history ends, whatever its length: the live dossiers stand here. */
export const HISTORY_END = HISTORY_START + HISTORY_DAYS * 86_400_000;

/**
 * Seeds a new file at `path` (replacing any old one); `log` gets progress lines. The history
 * ends at HISTORY_END and spans `spanDays` (a year by default): a shorter span at the same daily
 * rate is the same kiosk earlier in its life (the scaling figures compare the two).
 */
export function seedBenchDatabase(
  path: string,
  dossiers: number,
  log: (line: string) => void,
  spanDays: number = HISTORY_DAYS,
): SeedReport {
  mkdirSync(dirname(path), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const started = performance.now();
  // Pickup credentials are indexed by a random hash: past a few hundred thousand dossiers that
  // index outgrows the default cache and every insert reads a page back; 512 MiB holds it.
  const store = openStore(path, { cacheMiB: 512 });
  try {
    let lastLog = started;
    seedSyntheticDossiers(store, dossiers, {
      seed: 1,
      start: HISTORY_END - spanDays * 86_400_000,
      spanDays,
      lockers: BENCH_LOCKERS,
      batchSize: 10_000,
      onProgress: (done) => {
        const now = performance.now();
        if (now - lastLog > 10_000 || done === dossiers) {
          lastLog = now;
          log(`${done} dossiers, ${((now - started) / 1000).toFixed(0)} s`);
        }
      },
    });
    addLiveDossiers(store, HISTORY_END);
  } finally {
    store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = fileBytes(path);
  return { path, dossiers, seconds, bytes, bytesPerDossier: bytes / dossiers };
}
