import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HttpContext } from '../context';

const HealthReply = Type.Object({
  healthy: Type.Boolean(),
  store: Type.Object({ ok: Type.Boolean(), detail: Type.Union([Type.String(), Type.Null()]) }),
  links: Type.Array(Type.Object({ bank: Type.Integer(), state: Type.String(), ok: Type.Boolean() })),
  boards: Type.Array(Type.Object({ bank: Type.Integer(), board: Type.Integer(), ok: Type.Boolean() })),
});

/** For the watchdog and monitoring: 200 when the store, every link and every wired board answer. */
export function healthRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Store, links and boards',
          response: { 200: HealthReply, 503: HealthReply },
        },
      },
      async (_request, reply) => {
        const report = ctx.kiosk.status.health();
        return reply.code(report.healthy ? 200 : 503).send(report);
      },
    );
  };
}
