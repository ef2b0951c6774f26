import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HttpContext } from '../context';

const LinkHealthReply = Type.Object({
  banks: Type.Array(
    Type.Object({
      bank: Type.Integer(),
      state: Type.String(),
      stats: Type.Record(Type.String(), Type.Number()),
      boards: Type.Array(Type.Object({ board: Type.Integer(), doors: Type.Integer(), open: Type.Integer() })),
    }),
  ),
  missingBoards: Type.Array(Type.Object({ bank: Type.Integer(), board: Type.Integer() })),
});

/** Board and link health for the technician: counters and which wired boards are silent. */
export function techHealthRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
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
      async () => ctx.kiosk.linksReport(),
    );
  };
}
