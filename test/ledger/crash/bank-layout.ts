import type { Store } from '../../../src/store/database';

/** The bank the crash run drives: two boards of eight doors on one bus, all small doors. */
export const BOARDS = 2;
export const DOORS_PER_BOARD = 8;
export const BANK = 1;
export const PROCEDURE = 'HT.01';

export const lockerIdOf = (board: number, channel: number) => board * DOORS_PER_BOARD + channel + 1;

/** Wires the doors and the one procedure into a fresh ledger file. */
export function installBank(store: Store): void {
  store.write(() => {
    store.procedures.upsert({
      code: PROCEDURE,
      nameVi: 'Đăng ký hộ kinh doanh',
      nameEn: 'Household business registration',
      workingDays: 3,
      feeNote: null,
      lockerSize: 'S',
      secondFactor: false,
      active: true,
    });
    for (let board = 0; board < BOARDS; board++) {
      for (let channel = 0; channel < DOORS_PER_BOARD; channel++) {
        const id = lockerIdOf(board, channel);
        store.lockers.upsert({ id, bank: BANK, board, channel, size: 'S', position: id });
      }
    }
  });
}
