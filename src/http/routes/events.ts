import type {} from '@fastify/swagger';
import type {} from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { kioskScreenOnly } from '../auth';
import type { HttpContext } from '../context';
import { linksUp } from '../health';

/**
 * The kiosk screen's live feed: JSON messages for door changes, link state and maintenance.
 * The first message is a hello with the current state, so a screen that (re)connects is in sync.
 */
export function eventRoutes(ctx: HttpContext): FastifyPluginAsync {
  return async (app) => {
    if (ctx.deps.config.officeHost) kioskScreenOnly(app);
    app.get(
      '/events',
      { websocket: true, schema: { tags: ['citizen'], summary: 'Kiosk events (websocket)' } },
      (socket) => {
        const send = (message: unknown) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
        };
        send({
          type: 'hello',
          maintenance: ctx.deps.store.settings.maintenanceMode(),
          linkDown: !linksUp(ctx.deps.linksHealth()),
        });
        const off = ctx.hub.subscribe(send);
        socket.on('close', off);
        socket.on('error', off);
      },
    );
  };
}
