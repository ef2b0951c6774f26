import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountOf } from '../auth';
import type { HttpContext } from '../context';
import { ERROR_REPLIES, ErrorReply } from '../schemas/common';
import { BankParams, CommissionBody, CommissionReply } from '../schemas/tech';

/**
 * The commissioning probe of one bank: status reads only, with the bank's link stopped while it
 * reads; refused unless every door of the bank is idle, shut and empty (see the service).
 */
export function commissionRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { commission } = ctx.kiosk;
  return async (app) => {
    app.post(
      '/buses/:bank/commission',
      {
        schema: {
          tags: ['technician'],
          summary: 'Read every board of a bank with all doors shut and empty: which polarity and layout fit',
          params: BankParams,
          body: CommissionBody,
          response: { 200: CommissionReply, ...ERROR_REPLIES, 422: ErrorReply },
        },
      },
      async (request) => commission(request.params.bank, accountOf(request)),
    );
  };
}
