import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kiosk } from '../../kiosk';
import { kioskScreenOnly } from '../auth';
import { ERROR_REPLIES, Ok } from '../schemas/common';
import { SimBankParams, SimDoorParams, SimLinkBody, SimScanBody } from '../schemas/sim';

const TAGS = ['simulator'];

/** The demo simulator's hands: what a person would do to the doors, the scanner and the cable. */
export function simRoutes(
  sim: NonNullable<Kiosk['simulator']>,
  officeHost: string | null,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    if (officeHost) kioskScreenOnly(app);
    const ok = { 200: Ok, ...ERROR_REPLIES };

    app.post(
      '/lockers/:lockerId/:action',
      {
        schema: {
          tags: TAGS,
          summary: 'Close, force open, put or take an item, jam or unjam a door',
          params: SimDoorParams,
          response: ok,
        },
      },
      async (request) => {
        sim.door(request.params.lockerId, request.params.action);
        return { ok: true };
      },
    );

    app.post(
      '/scan',
      {
        schema: { tags: TAGS, summary: 'The kiosk scanner reads this text', body: SimScanBody, response: ok },
      },
      async (request) => {
        sim.scan(request.body.payload);
        return { ok: true };
      },
    );

    app.put(
      '/banks/:bank/link',
      {
        schema: {
          tags: TAGS,
          summary: 'Cut or restore the cable of one bank',
          params: SimBankParams,
          body: SimLinkBody,
          response: ok,
        },
      },
      async (request) => {
        sim.cutLink(request.params.bank, request.body.cut);
        return { ok: true };
      },
    );
  };
}
