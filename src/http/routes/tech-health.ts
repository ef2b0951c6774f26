import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HttpContext } from '../context';
import { LinkHealthReply } from '../schemas/tech';

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
