import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/database';
import type { Procedure } from '../../src/store/procedures';

/** A fresh directory per test file; removed by the returned cleanup. */
export function tempDir(prefix = 'store-'): {
  dir: string;
  file: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);
export const DAY = 86_400_000;

/** A one-working-day procedure, no fee, a small door: the daemon tests' dossiers. */
export const BIRTH_REGISTRATION: Procedure = {
  code: 'KS-01',
  nameVi: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  workingDays: 1,
  feeNote: null,
  lockerSize: 'S',
  secondFactor: false,
  active: true,
};

/** One procedure and four doors (board 1, channels 0..3), enough for most ledger tests. */
export function seedBasics(store: Store): void {
  store.write(() => {
    store.procedures.upsert({
      code: 'HT.01',
      nameVi: 'Đăng ký hộ kinh doanh',
      nameEn: 'Household business registration',
      workingDays: 3,
      feeNote: '100.000 đ',
      lockerSize: 'S',
      secondFactor: false,
      active: true,
    });
    for (let i = 1; i <= 4; i++) {
      store.lockers.upsert({
        id: i,
        bank: 1,
        board: 1,
        channel: i - 1,
        size: i === 4 ? 'M' : 'S',
        position: i,
      });
    }
  });
}

let receiptCounter = 0;
export function newReceipt(): string {
  receiptCounter += 1;
  return `0612611210${String(receiptCounter).padStart(4, '0')}`;
}
