import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseQrPayload } from '../../domain/qr-payload';
import { accountOf, keyedLimit, requireRole } from '../auth';
import type { HttpContext } from '../context';
import { doorOpened, openedOrRefuse } from '../door-reply';
import { HttpRefusal } from '../errors';
import {
  DoorOpened,
  DossierIdParams,
  ERROR_REPLIES,
  Ok,
  WorkItemList,
  WorkItemSchema,
} from '../schemas/common';
import { ConfirmCollectedBody, FindQuery, RegisterResultBody } from '../schemas/staff';
import { staffReportRoutes } from './staff-reports';

const TAGS = ['staff'];

/** The one-stop counter: collect deposited dossiers, load results, reclaim, reports. */
export function staffRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { deps, opens } = ctx;
  const { ledger, store } = deps;

  return async (app) => {
    requireRole(app, ctx, ['staff', 'supervisor']);
    app.addHook(
      'preHandler',
      keyedLimit(app, 'staff', deps.config.requestsPerMinute, (r) => r.staffSession?.accountId ?? null),
    );
    const opened = { 200: DoorOpened, ...ERROR_REPLIES };

    app.get(
      '/deposited',
      { schema: { tags: TAGS, summary: 'Dossiers waiting in their doors', response: { 200: WorkItemList } } },
      async () => ({ items: ledger.collection.listDeposited() }),
    );

    app.post(
      '/dossiers/:dossierId/collect',
      {
        schema: {
          tags: TAGS,
          summary: 'Open the door of a deposited dossier',
          params: DossierIdParams,
          response: opened,
        },
      },
      async (request) =>
        doorOpened(
          openedOrRefuse(
            await opens.through(() => ledger.collection.open(request.params.dossierId, accountOf(request))),
          ),
        ),
    );

    app.post(
      '/dossiers/:dossierId/collected',
      {
        schema: {
          tags: TAGS,
          summary: 'Record the one-stop software code of a collected dossier',
          params: DossierIdParams,
          body: ConfirmCollectedBody,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        ledger.collection.confirm(request.params.dossierId, request.body.externalCode, accountOf(request));
        return { ok: true };
      },
    );

    app.get(
      '/dossiers/find',
      {
        schema: {
          tags: TAGS,
          summary: 'A dossier held by staff, by receipt number, scanned receipt or one-stop code',
          querystring: FindQuery,
          response: { 200: WorkItemSchema, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        const text = request.query.q.trim();
        const scanned = parseQrPayload(text);
        const found = ledger.loading.find(scanned.ok ? scanned.receipt.compact : text);
        if (!found) throw new HttpRefusal('not_found');
        return found;
      },
    );

    app.post(
      '/results',
      {
        schema: {
          tags: TAGS,
          summary: 'Register a result for a dossier filed online or at the counter',
          body: RegisterResultBody,
          response: { 201: WorkItemSchema, ...ERROR_REPLIES },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const item = ledger.loading.registerResult(
          {
            procedureCode: b.procedureCode,
            origin: b.origin,
            externalCode: b.externalCode,
            applicantName: b.name,
            applicantPhone: b.phone,
          },
          accountOf(request),
        );
        return reply.code(201).send(item);
      },
    );

    app.post(
      '/dossiers/:dossierId/load',
      {
        schema: {
          tags: TAGS,
          summary: 'Open a door to load the result',
          params: DossierIdParams,
          response: opened,
        },
      },
      async (request) =>
        doorOpened(
          openedOrRefuse(
            await opens.through(() => ledger.loading.open(request.params.dossierId, accountOf(request))),
          ),
        ),
    );

    app.get(
      '/uncollected',
      {
        schema: {
          tags: TAGS,
          summary: 'Results waiting past the reclaim delay',
          response: { 200: WorkItemList },
        },
      },
      async () => ({ items: ledger.reclaim.listDue() }),
    );

    app.post(
      '/dossiers/:dossierId/remind',
      {
        schema: {
          tags: TAGS,
          summary: 'Queue a pickup reminder to the citizen',
          params: DossierIdParams,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        const { dossierId } = request.params;
        const staffId = accountOf(request);
        store.write(() => {
          const d = store.dossiers.get(dossierId);
          if (!d) throw new HttpRefusal('not_found');
          if (d.state !== 'ready') throw new HttpRefusal('not_allowed');
          const at = deps.clock();
          store.outbox.enqueue({
            dossierId,
            kind: 'pickup_reminder',
            payload: { receiptNo: d.receiptNo },
            at,
          });
          store.audit.append({
            actor: `staff:${staffId}`,
            action: 'dossier.reminded',
            subject: `dossier:${dossierId}`,
            detail: {},
            at,
          });
        });
        return { ok: true };
      },
    );

    app.post(
      '/dossiers/:dossierId/reclaim',
      {
        schema: {
          tags: TAGS,
          summary: 'Open the door to take an uncollected result back',
          params: DossierIdParams,
          response: opened,
        },
      },
      async (request) =>
        doorOpened(
          openedOrRefuse(
            await opens.through(() => ledger.reclaim.open(request.params.dossierId, accountOf(request))),
          ),
        ),
    );

    app.post(
      '/dossiers/:dossierId/release-lock',
      {
        schema: {
          tags: TAGS,
          summary: 'Release a dossier locked after too many wrong codes',
          params: DossierIdParams,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => ({
        ok: ledger.technician.releaseLock(request.params.dossierId, accountOf(request)),
      }),
    );

    await app.register(staffReportRoutes(ctx));
  };
}
