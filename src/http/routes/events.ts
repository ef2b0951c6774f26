import type {} from '@fastify/swagger';
import type {} from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { kioskScreenOnly } from '../auth';
import type { HttpContext } from '../context';

/**
 * The kiosk screen's live feed: JSON messages for door changes, link state and maintenance.
 * The first message is a hello with the current state, so a screen that (re)connects is in sync.
 */
export function eventRoutes(ctx: HttpContext): FastifyPluginAsync {
  return async (app) => {
    if (ctx.config.officeHost) kioskScreenOnly(app);
    app.get(
      '/events',
      { websocket: true, schema: { tags: ['citizen'], summary: 'Kiosk events (websocket)' } },
      (socket) => {
        const send = (message: unknown) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
        };
        send(ctx.kiosk.status.hello());
        const off = ctx.kiosk.events.subscribe(send);
        socket.on('close', off);
        socket.on('error', off);
      },
    );
  };
}
