import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { LockerSize } from '../../store';
import { isLoopback } from '../auth';
import type { HttpContext } from '../context';
import { HttpRefusal } from '../errors';
import { linksUp } from '../health';
import { KioskStatus, PresenceCodeReply } from '../schemas/citizen';
import { ERROR_REPLIES } from '../schemas/common';

const TAGS = ['citizen'];

/** What the kiosk screen shows besides the flows: in or out of service, and the on-site code. */
export function kioskStatusRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { deps } = ctx;
  const { store } = deps;
  return async (app) => {
    app.get(
      '/kiosk/status',
      {
        schema: {
          tags: TAGS,
          summary: 'Whether the kiosk takes drop-offs and pickups now',
          response: { 200: KioskStatus },
        },
      },
      async () => {
        const maintenance = store.settings.maintenanceMode();
        const linkDown = !linksUp(deps.linksHealth());
        const freeDoors: Record<LockerSize, number> = { S: 0, M: 0, L: 0 };
        for (const l of store.lockers.listAvailable()) freeDoors[l.size]++;
        return { inService: !maintenance && !linkDown, maintenance, linkDown, freeDoors };
      },
    );

    app.get(
      '/kiosk/presence-code',
      {
        schema: {
          tags: TAGS,
          summary: 'The on-site code for a technician, shown on the kiosk screen only',
          response: { 200: PresenceCodeReply, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        // Always the kiosk screen only, whatever the bind configuration.
        if (!isLoopback(request.socket?.remoteAddress)) throw new HttpRefusal('kiosk_only');
        return ctx.presence.current();
      },
    );
  };
}
