import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import QRCode from 'qrcode';
import type { CloseResult, IssuedReceipt, PickupCredentials } from '../../ledger';
import { keyedLimit, kioskScreenOnly } from '../auth';
import type { HttpContext } from '../context';
import { openedOrRefuse } from '../door-reply';
import { HttpRefusal } from '../errors';
import { ensureInService } from '../in-service';
import { followPickup, pickupStatus } from '../pickup-ticket';
import type { ScanDesk } from '../scan-desk';
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
import { localStamp } from '../time';
import { kioskStatusRoutes } from './kiosk-status';

const TAGS = ['citizen'];

/**
 * The receipt QR for the screen, as an SVG data URL: sharp at any size on the kiosk's screen, and
 * some fifteen times cheaper to make than a PNG (about 0.3 ms against 4 ms a receipt, measured).
 */
async function receiptQrImage(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The receipt number a pickup names, to key its rate limit by the dossier and not only the IP. */
function receiptKey(body: unknown): string | null {
  const b = body as { qr?: unknown; receiptNo?: unknown } | undefined;
  if (typeof b?.qr === 'string') return b.qr.split('.')[1]?.replace(/\D/g, '').slice(0, 20) || null;
  if (typeof b?.receiptNo === 'string') return b.receiptNo.replace(/\D/g, '').slice(0, 20) || null;
  return null;
}

function credentialsOf(
  body: { qr?: string; receiptNo?: string; code?: string; secondFactor?: string; scanned?: boolean },
  desk: ScanDesk,
): PickupCredentials {
  const second = body.secondFactor ? { secondFactor: body.secondFactor } : {};
  if (body.scanned === true) {
    // The receipt the kiosk's scanner read, held for its second factor: the QR stays in the daemon.
    if (body.qr !== undefined || body.receiptNo !== undefined || body.code !== undefined) {
      throw new HttpRefusal('bad_request');
    }
    const qr = desk.heldQr();
    if (qr === null) throw new HttpRefusal('not_found');
    return { qr, ...second };
  }
  if (body.qr !== undefined && body.receiptNo === undefined && body.code === undefined) {
    return { qr: body.qr, ...second };
  }
  if (body.qr === undefined && body.receiptNo !== undefined && body.code !== undefined) {
    return { receiptNo: body.receiptNo, code: body.code, ...second };
  }
  throw new HttpRefusal('bad_request');
}

function dropOffStatus(r: CloseResult | null) {
  if (!r) return 'door_open' as const;
  if (r.state === 'deposited') return 'deposited' as const;
  if (r.state === 'cancelled') return 'cancelled' as const;
  return 'needs_inspection' as const;
}

/** The kiosk screen: drop-off, pickup, rating and the kiosk's status. */
export function citizenRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { deps, tickets, opens } = ctx;
  const { ledger, store } = deps;

  async function printSlip(issued: IssuedReceipt, door: number, procedureCode: string | null) {
    if (!deps.printReceipt) return;
    const procedure = procedureCode ? store.procedures.get(procedureCode) : undefined;
    await deps.printReceipt({
      receiptDisplay: issued.receiptDisplay,
      qrPayload: issued.qrPayload,
      procedureVi: procedure?.nameVi ?? '',
      procedureEn: procedure?.nameEn ?? '',
      appointmentDate: issued.appointmentDate,
      doorNumber: door,
      kioskName: deps.config.kioskName,
      droppedOffAt: localStamp(deps.clock()),
    });
  }

  return async (app) => {
    if (deps.config.officeHost) kioskScreenOnly(app);
    const pickupLimit = keyedLimit(app, 'pickup', deps.config.attemptsPerMinute, (r) => receiptKey(r.body));

    app.get(
      '/procedures',
      {
        schema: { tags: TAGS, summary: 'Procedures offered at the kiosk', response: { 200: ProcedureList } },
      },
      async () => ({
        procedures: store.procedures.listActive().map((p) => ({
          code: p.code,
          nameVi: p.nameVi,
          nameEn: p.nameEn,
          size: p.lockerSize,
          workingDays: p.workingDays,
          feeNote: p.feeNote,
          secondFactor: p.secondFactor,
        })),
      }),
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
      async (request, reply) => {
        ensureInService(deps);
        const b = request.body;
        const result = openedOrRefuse(
          await opens.through(() =>
            ledger.dropOff.start({
              procedureCode: b.procedureCode,
              onlineCode: b.onlineCode ?? null,
              applicantName: b.name,
              applicantPhone: b.phone,
            }),
          ),
        );
        const ticket = tickets.open('dropoff', result, b.procedureCode, ledger.awaitClose);
        ctx.hub.publish({ type: 'progress', flow: 'dropoff', door: ticket.door, status: 'door_open' });
        ticket.closed.then(
          (r) => {
            ctx.hub.publish({
              type: 'progress',
              flow: 'dropoff',
              door: ticket.door,
              status: dropOffStatus(r),
            });
            if (r.issued) {
              printSlip(r.issued, ticket.door, ticket.procedureCode).catch((err: unknown) =>
                request.log.warn({ err, operationId: ticket.operationId }, 'receipt not printed'),
              );
            }
          },
          () => {},
        );
        return reply.code(201).send({ ticket: ticket.id, door: ticket.door });
      },
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
      async (request) => {
        const ticket = tickets.get(request.params.ticket, 'dropoff');
        if (!ticket) throw new HttpRefusal('not_found');
        const closed = await tickets.settle(ticket, request.query.waitMs ?? 0);
        const status = dropOffStatus(closed);
        let receipt = null;
        if (status === 'deposited' && closed?.issued && !ticket.receiptShown) {
          ticket.receiptShown = true;
          const issued = closed.issued;
          receipt = {
            receiptNo: issued.receiptNo,
            receiptDisplay: issued.receiptDisplay,
            appointmentDate: issued.appointmentDate,
            qrPayload: issued.qrPayload,
            qrImage: await receiptQrImage(issued.qrPayload),
            door: ticket.door,
          };
        }
        return { status, door: ticket.door, receipt };
      },
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
        const ticket = tickets.get(request.params.ticket, 'dropoff');
        if (!ticket) throw new HttpRefusal('not_found');
        if (ticket.result) throw new HttpRefusal('not_allowed');
        // The close is awaited through the ticket, which holds the one awaitClose of the receipt.
        void ledger.dropOff.backOut(ticket.operationId).catch(() => {});
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
      async (request, reply) => {
        const credentials = credentialsOf(request.body, ctx.scanDesk);
        ensureInService(deps);
        const result = openedOrRefuse(await opens.through(() => ledger.pickup.start(credentials)));
        if (request.body.scanned) ctx.scanDesk.release();
        const ticket = followPickup(ctx, result);
        return reply.code(201).send({ ticket: ticket.id, door: ticket.door });
      },
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
      async (_request, reply) => {
        const ticket = ctx.scanDesk.claimTicket();
        if (!ticket) throw new HttpRefusal('not_found');
        return reply.code(201).send({ ticket: ticket.id, door: ticket.door });
      },
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
      async (request) => {
        const ticket = tickets.get(request.params.ticket, 'pickup');
        if (!ticket) throw new HttpRefusal('not_found');
        const closed = await tickets.settle(ticket, request.query.waitMs ?? 0);
        return { status: pickupStatus(closed), door: ticket.door };
      },
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
        const ticket = tickets.get(request.params.ticket, 'pickup');
        if (!ticket) throw new HttpRefusal('not_found');
        if (ticket.result?.state !== 'picked_up' || ticket.dossierId === null) {
          throw new HttpRefusal('pickup_not_done');
        }
        ledger.pickup.rate(ticket.dossierId, request.body.rating);
        return { ok: true };
      },
    );

    await app.register(kioskStatusRoutes(ctx));
  };
}
