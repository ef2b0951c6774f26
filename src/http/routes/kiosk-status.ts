import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isLoopback } from '../auth';
import type { HttpContext } from '../context';
import { HttpRefusal } from '../errors';
import { KioskStatus, PresenceCodeReply } from '../schemas/citizen';
import { ERROR_REPLIES } from '../schemas/common';

const TAGS = ['citizen'];

/** What the kiosk screen shows besides the flows: in or out of service, and the on-site code. */
export function kioskStatusRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { kiosk } = ctx;
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
      async () => kiosk.status.now(),
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
        return kiosk.presenceCode.current();
      },
    );
  };
}
