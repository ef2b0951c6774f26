import type { KioskContext } from './context';
import { checkHealth } from './health';

/** Board and link health for the technician: counters, and which wired boards are silent. */
export function linksReport(ctx: Pick<KioskContext, 'store' | 'linksHealth'>) {
  return () => {
    const banks = ctx.linksHealth();
    const report = checkHealth(ctx.store, banks);
    return {
      banks: banks.map((b) => ({
        bank: b.bank,
        state: b.state,
        stats: { ...b.stats },
        boards: b.boards.map((board) => ({
          board: board.board,
          doors: board.doors.length,
          open: board.doors.filter((d) => d.open).length,
        })),
      })),
      missingBoards: report.boards.filter((b) => !b.ok).map(({ bank, board }) => ({ bank, board })),
    };
  };
}
