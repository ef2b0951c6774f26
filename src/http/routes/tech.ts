import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountOf, consoleAccess } from '../auth';
import type { HttpContext } from '../context';
import { DoorOpened, DossierIdParams, ERROR_REPLIES, LockerIdParams, Ok } from '../schemas/common';
import {
  BackupReply,
  DoorHistory,
  IncidentList,
  InspectionList,
  LockerList,
  MaintenanceBody,
  MaintenanceReply,
  OpenDoorBody,
  ServiceBody,
  SettleBody,
} from '../schemas/tech';
import { releaseLockRoute } from './release-lock';
import { bulkOpenRoutes } from './tech-bulk-open';
import { commissionRoutes } from './tech-commission';
import { techHealthRoutes } from './tech-health';

const TAGS = ['technician'];

/** The technician's tools: maintenance, doors under audit, service state, inspection, backup. */
export function techRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { technician } = ctx.kiosk;

  return async (app) => {
    consoleAccess(app, ctx, 'tech', ['technician']);

    app.put(
      '/maintenance',
      {
        schema: {
          tags: TAGS,
          summary: 'Maintenance mode on or off (no drop-off or pickup starts while on)',
          body: MaintenanceBody,
          response: { 200: MaintenanceReply, ...ERROR_REPLIES },
        },
      },
      async (request) => ({ maintenance: technician.setMaintenance(request.body.on, accountOf(request)) }),
    );

    app.get(
      '/lockers',
      { schema: { tags: TAGS, summary: 'Every door with its live reading', response: { 200: LockerList } } },
      async () => ({ lockers: technician.lockers() }),
    );

    app.get(
      '/lockers/:lockerId/history',
      {
        schema: {
          tags: TAGS,
          summary: 'The door operations of one door, newest first',
          params: LockerIdParams,
          response: { 200: DoorHistory, ...ERROR_REPLIES },
        },
      },
      async (request) => technician.history(request.params.lockerId),
    );

    app.post(
      '/lockers/:lockerId/open',
      {
        schema: {
          tags: TAGS,
          summary: 'Open one door, with a reason (audited)',
          params: LockerIdParams,
          body: OpenDoorBody,
          response: { 200: DoorOpened, ...ERROR_REPLIES },
        },
      },
      async (request) =>
        technician.openDoor(request.params.lockerId, request.body.reason, accountOf(request)),
    );

    app.put(
      '/lockers/:lockerId/service',
      {
        schema: {
          tags: TAGS,
          summary: 'Take a door out of service, or back in',
          params: LockerIdParams,
          body: ServiceBody,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        const { inService, reason } = request.body;
        technician.setInService(request.params.lockerId, inService, reason ?? null, accountOf(request));
        return { ok: true };
      },
    );

    app.get(
      '/inspections',
      {
        schema: {
          tags: TAGS,
          summary: 'Dossiers waiting for a technician to look',
          response: { 200: InspectionList },
        },
      },
      async () => ({ items: technician.inspections() }),
    );

    app.post(
      '/dossiers/:dossierId/settle',
      {
        schema: {
          tags: TAGS,
          summary: 'Record what was found in the door of a dossier that needs inspection',
          params: DossierIdParams,
          body: SettleBody,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => {
        technician.settle(request.params.dossierId, request.body.found, accountOf(request));
        return { ok: true };
      },
    );

    app.get(
      '/incidents',
      { schema: { tags: TAGS, summary: 'Open incidents', response: { 200: IncidentList } } },
      async () => ({ incidents: technician.incidents() }),
    );

    app.post(
      '/backup',
      {
        schema: {
          tags: TAGS,
          summary: 'Take a database backup now',
          response: { 200: BackupReply, ...ERROR_REPLIES },
        },
      },
      async (request) => technician.backup(accountOf(request)),
    );

    await app.register(releaseLockRoute(TAGS, technician.releaseLock));
    await app.register(techHealthRoutes(ctx));
    await app.register(bulkOpenRoutes(ctx));
    await app.register(commissionRoutes(ctx));
  };
}
