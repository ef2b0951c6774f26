import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { kioskScreenOnly } from '../auth';
import type { HttpContext } from '../context';
import type { SimulatorControl } from '../deps';
import { HttpRefusal } from '../errors';
import { ERROR_REPLIES, Ok } from '../schemas/common';
import { SimBankParams, SimDoorParams, SimLinkBody, SimScanBody } from '../schemas/sim';

const TAGS = ['simulator'];

/** The demo simulator's hands: what a person would do to the doors, the scanner and the cable. */
export function simRoutes(ctx: HttpContext, sim: SimulatorControl): FastifyPluginAsyncTypebox {
  const { store } = ctx.deps;
  return async (app) => {
    if (ctx.deps.config.officeHost) kioskScreenOnly(app);
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
        const { lockerId, action } = request.params;
        if (!store.lockers.get(lockerId)) throw new HttpRefusal('not_found');
        const act: Record<typeof action, () => void> = {
          close: () => sim.closeDoor(lockerId),
          force_open: () => sim.forceOpen(lockerId),
          put_item: () => sim.putItem(lockerId),
          take_item: () => sim.takeItem(lockerId),
          jam: () => sim.jam(lockerId, true),
          unjam: () => sim.jam(lockerId, false),
        };
        act[action]();
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
