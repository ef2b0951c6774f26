import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpContext } from '../context';
import type { checkHealth } from '../health';
import { LinkHealthReply } from '../schemas/tech';

/** Board and link health for the technician: counters and which wired boards are silent. */
export function techHealthRoutes(ctx: HttpContext, check: typeof checkHealth): FastifyPluginAsyncTypebox {
  const { deps } = ctx;
  return async (app) => {
    app.get(
      '/links',
      {
        schema: {
          tags: ['technician'],
          summary: 'Locker buses and boards',
          response: { 200: LinkHealthReply },
        },
      },
      async () => {
        const banks = deps.linksHealth();
        const report = check(deps.store, banks);
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
      },
    );
  };
}
