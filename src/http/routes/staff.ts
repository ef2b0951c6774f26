import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountOf, consoleAccess } from '../auth';
import type { HttpContext } from '../context';
import {
  DoorOpened,
  DossierIdParams,
  ERROR_REPLIES,
  Ok,
  WorkItemList,
  WorkItemSchema,
} from '../schemas/common';
import { ConfirmCollectedBody, FindQuery, RegisterResultBody } from '../schemas/staff';
import { releaseLockRoute } from './release-lock';
import { staffReportRoutes } from './staff-reports';

const TAGS = ['staff'];

/** The one-stop counter: collect deposited dossiers, load results, reclaim, reports. */
export function staffRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { staffDesk: desk, reminders } = ctx.kiosk;

  return async (app) => {
    consoleAccess(app, ctx, 'staff', ['staff', 'supervisor']);
    const opened = { 200: DoorOpened, ...ERROR_REPLIES };

    app.get(
      '/deposited',
      { schema: { tags: TAGS, summary: 'Dossiers waiting in their doors', response: { 200: WorkItemList } } },
      async () => ({ items: desk.listDeposited() }),
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
      async (request) => desk.collect(request.params.dossierId, accountOf(request)),
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
        desk.confirmCollected(request.params.dossierId, request.body.externalCode, accountOf(request));
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
      async (request) => desk.find(request.query.q),
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
        const item = desk.registerResult(
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
      async (request) => desk.load(request.params.dossierId, accountOf(request)),
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
      async () => ({ items: desk.listUncollected() }),
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
        reminders.remind(request.params.dossierId, accountOf(request));
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
      async (request) => desk.reclaim(request.params.dossierId, accountOf(request)),
    );

    await app.register(releaseLockRoute(TAGS, desk.releaseLock));
    await app.register(staffReportRoutes(ctx));
  };
}
