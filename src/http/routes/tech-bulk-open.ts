import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountOf } from '../auth';
import type { HttpContext } from '../context';
import { ERROR_REPLIES } from '../schemas/common';
import { BulkOpenBody, BulkOpenReply } from '../schemas/tech';

const TAGS = ['technician'];

/** Several doors at once: only with the presence code shown on the kiosk screen (see the service). */
export function bulkOpenRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { bulkOpen } = ctx.kiosk;
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
      async (request) => ({ results: await bulkOpen(request.body, accountOf(request)) }),
    );
  };
}
