import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { keyedLimit, kioskScreenOnly } from '../auth';
import type { HttpContext } from '../context';
import {
  DoorTicketReply,
  DropOffBody,
  DropOffProgress,
  PickupBody,
  PickupProgress,
  ProcedureList,
  RatingBody,
  TicketParams,
  WaitQuery,
} from '../schemas/citizen';
import { ERROR_REPLIES, Ok } from '../schemas/common';
import { kioskStatusRoutes } from './kiosk-status';

const TAGS = ['citizen'];

/**
 * The receipt number a pickup names, and by which path, to key its rate limit by the dossier and
 * not only the IP. QR and typed pickups have separate budgets: a stranger typing guesses at a
 * receipt number must not hold back the holder's QR (issue 12).
 */
function receiptKey(body: unknown): string | null {
  const b = body as { qr?: unknown; receiptNo?: unknown } | undefined;
  const digits = (text: string | undefined) => text?.replace(/\D/g, '').slice(0, 20) || null;
  if (typeof b?.qr === 'string') {
    const receipt = digits(b.qr.split('.')[1]);
    return receipt === null ? null : `qr:${receipt}`;
  }
  if (typeof b?.receiptNo === 'string') {
    const receipt = digits(b.receiptNo);
    return receipt === null ? null : `typed:${receipt}`;
  }
  return null;
}

/** The kiosk screen: drop-off, pickup, rating and the kiosk's status. */
export function citizenRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { kiosk, config } = ctx;
  const { dropOffs, pickups } = kiosk;

  return async (app) => {
    if (config.officeHost) kioskScreenOnly(app);
    const pickupLimit = keyedLimit(app, 'pickup', config.attemptsPerMinute, (r) => receiptKey(r.body));

    app.get(
      '/procedures',
      {
        schema: { tags: TAGS, summary: 'Procedures offered at the kiosk', response: { 200: ProcedureList } },
      },
      async () => ({ procedures: kiosk.procedures.listActive() }),
    );

    app.post(
      '/dropoffs',
      {
        schema: {
          tags: TAGS,
          summary: 'Start a drop-off: reserves and opens a door',
          body: DropOffBody,
          response: { 201: DoorTicketReply, ...ERROR_REPLIES },
        },
      },
      async (request, reply) => reply.code(201).send(await dropOffs.start(request.body)),
    );

    app.get(
      '/dropoffs/:ticket',
      {
        schema: {
          tags: TAGS,
          summary: 'A drop-off in progress; the receipt comes once, on the first reading after the close',
          params: TicketParams,
          querystring: WaitQuery,
          response: { 200: DropOffProgress, ...ERROR_REPLIES },
        },
      },
      async (request) => dropOffs.progress(request.params.ticket, request.query.waitMs ?? 0),
    );

    app.post(
      '/dropoffs/:ticket/back-out',
      {
        schema: {
          tags: TAGS,
          summary: 'The citizen backs out with the door open; closing it empty cancels',
          params: TicketParams,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        dropOffs.backOut(request.params.ticket);
        return { ok: true };
      },
    );

    app.post(
      '/pickups',
      {
        preHandler: pickupLimit,
        schema: {
          tags: TAGS,
          summary: 'Pick up a result with the receipt QR, or receipt number and code',
          body: PickupBody,
          response: { 201: DoorTicketReply, ...ERROR_REPLIES },
        },
      },
      async (request, reply) => reply.code(201).send(await pickups.start(request.body)),
    );

    app.post(
      '/pickups/scanned',
      {
        schema: {
          tags: TAGS,
          summary: "The door the kiosk's scanner opened, claimed once by the screen to show it",
          response: { 201: DoorTicketReply, ...ERROR_REPLIES },
        },
      },
      async (_request, reply) => reply.code(201).send(pickups.claimScanned()),
    );

    app.get(
      '/pickups/:ticket',
      {
        schema: {
          tags: TAGS,
          summary: 'A pickup in progress',
          params: TicketParams,
          querystring: WaitQuery,
          response: { 200: PickupProgress, ...ERROR_REPLIES },
        },
      },
      async (request) => pickups.progress(request.params.ticket, request.query.waitMs ?? 0),
    );

    app.post(
      '/pickups/:ticket/rating',
      {
        schema: {
          tags: TAGS,
          summary: 'Satisfaction 1-5, once, after the result was taken',
          params: TicketParams,
          body: RatingBody,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        pickups.rate(request.params.ticket, request.body.rating);
        return { ok: true };
      },
    );

    await app.register(kioskStatusRoutes(ctx));
  };
}
