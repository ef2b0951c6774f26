import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountOf } from '../auth';
import type { HttpContext } from '../context';
import { HttpRefusal } from '../errors';
import { ERROR_REPLIES } from '../schemas/common';
import { BulkOpenBody, BulkOpenReply } from '../schemas/tech';

const TAGS = ['technician'];

/**
 * Opening many doors at once empties the kiosk into whoever stands in front of it, so it needs a
 * technician physically there: the presence code is shown only on the kiosk screen. The doors
 * count against the kiosk's opens cap, all of them up front.
 */
export function bulkOpenRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { deps, opens } = ctx;
  const { ledger, store } = deps;
  return async (app) => {
    app.post(
      '/lockers/bulk-open',
      {
        schema: {
          tags: TAGS,
          summary: 'Open several doors: only with the code shown on the kiosk screen',
          body: BulkOpenBody,
          response: { 200: BulkOpenReply, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        const { presenceCode, reason, lockerIds } = request.body;
        if (!ctx.presence.check(presenceCode)) throw new HttpRefusal('presence_code_wrong');
        const ids = [...new Set(lockerIds)];
        for (const id of ids)
          if (!store.lockers.get(id)) throw new HttpRefusal('not_found', { lockerId: id });
        opens.take(ids.length);
        const technicianId = accountOf(request);
        const results = [];
        // One after the other: the boards fire one solenoid at a time anyway.
        for (const id of ids) {
          try {
            const r = await ledger.technician.openDoor(id, reason, technicianId);
            results.push({ lockerId: id, door: r.doorPosition, ok: r.ok, error: r.ok ? null : r.error });
          } catch (error) {
            const code = error instanceof Error && 'code' in error ? String(error.code) : 'internal';
            results.push({
              lockerId: id,
              door: store.lockers.get(id)?.position ?? 0,
              ok: false,
              error: code,
            });
          }
        }
        return { results };
      },
    );
  };
}
