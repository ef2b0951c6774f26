import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger, type Ledger, type LedgerConfig } from '../../src/ledger';
import { openStore, type Store } from '../../src/store';
import { CALENDAR, KIOSK_KEY, LOCKERS, MONDAY_9AM } from '../support/fixtures';
import { FakeDoors } from './fake-doors';

export function seed(store: Store): void {
  store.write(() => {
    for (const l of LOCKERS) {
      store.lockers.upsert({ id: l.id, bank: 0, board: 0, channel: l.id - 1, size: l.size, position: l.id });
    }
    const base = { nameVi: 'Thủ tục', nameEn: 'Procedure', feeNote: null, active: true };
    store.procedures.upsert({ ...base, code: 'BIRTH', workingDays: 3, lockerSize: 'S', secondFactor: false });
    store.procedures.upsert({ ...base, code: 'LAND', workingDays: 10, lockerSize: 'M', secondFactor: true });
  });
}

export interface Harness {
  dir: string;
  file: string;
  store: Store;
  doors: FakeDoors;
  ledger: Ledger;
  now: { ms: number };
  /** Closes the store and opens the same file again, with a fresh ledger (a restart). */
  restart(): Harness;
  dispose(): void;
}

export function makeHarness(options: Partial<LedgerConfig> & { presenceSensor?: boolean } = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  const file = join(dir, 'ledger.db');
  const now = { ms: MONDAY_9AM };
  const doors = new FakeDoors(
    LOCKERS.map((l) => l.id),
    options.presenceSensor ?? true,
  );
  const build = (store: Store): Harness => {
    const ledger = createLedger({
      store,
      doors,
      clock: () => now.ms,
      kioskCode: '061',
      kioskKey: KIOSK_KEY,
      calendar: CALENDAR,
      timeouts: { doorOpenMs: 60_000, linkReadyMs: 100 },
      ...options,
    });
    const h: Harness = {
      dir,
      file,
      store,
      doors,
      ledger,
      now,
      restart() {
        ledger.stop();
        store.close();
        return build(openStore(file));
      },
      dispose() {
        ledger.stop();
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return h;
  };
  const store = openStore(file);
  seed(store);
  return build(store);
}

export const CITIZEN_A = {
  procedureCode: 'BIRTH',
  applicantName: 'Nguyễn Văn A',
  applicantPhone: '0901234567',
};
export const CITIZEN_LAND = {
  procedureCode: 'LAND',
  applicantName: 'Trần Thị B',
  applicantPhone: '0912345678',
};
