import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DossierState } from '../../store';
import { DOSSIER_STATES } from '../../store';
import { accountOf, keyedLimit, requireRole } from '../auth';
import type { HttpContext } from '../context';
import { doorOpened, openedOrRefuse } from '../door-reply';
import { HttpRefusal } from '../errors';
import { checkHealth } from '../health';
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
import { bulkOpenRoutes } from './tech-bulk-open';
import { techHealthRoutes } from './tech-health';

const TAGS = ['technician'];

/** The technician's tools: maintenance, doors under audit, service state, inspection, backup. */
export function techRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { deps, opens } = ctx;
  const { ledger, store } = deps;

  function readingOf(bank: number, board: number, channel: number) {
    const health = deps.linksHealth().find((b) => b.bank === bank);
    return health?.boards.find((b) => b.board === board)?.doors[channel] ?? null;
  }

  return async (app) => {
    requireRole(app, ctx, ['technician']);
    app.addHook(
      'preHandler',
      keyedLimit(app, 'tech', deps.config.requestsPerMinute, (r) => r.staffSession?.accountId ?? null),
    );

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
      async (request) => {
        ledger.technician.setMaintenance(request.body.on, accountOf(request));
        ctx.hub.publish({ type: 'maintenance', on: request.body.on });
        return { maintenance: store.settings.maintenanceMode() };
      },
    );

    app.get(
      '/lockers',
      { schema: { tags: TAGS, summary: 'Every door with its live reading', response: { 200: LockerList } } },
      async () => ({
        lockers: store.lockers.listWithOccupancy().map((l) => {
          const r = readingOf(l.bank, l.board, l.channel);
          return {
            lockerId: l.id,
            door: l.position,
            bank: l.bank,
            board: l.board,
            channel: l.channel,
            size: l.size,
            inService: l.inService,
            outOfServiceReason: l.outOfServiceReason,
            assigned: l.assigned,
            unsettledOperation: l.unsettledOperation,
            reading: r && { open: r.open, locked: r.locked, present: r.present },
          };
        }),
      }),
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
      async (request) => {
        const { lockerId } = request.params;
        if (!store.lockers.get(lockerId)) throw new HttpRefusal('not_found');
        return {
          lockerId,
          operations: store.doorOperations.listForLocker(lockerId, 100).map((o) => ({
            operationId: o.id,
            dossierId: o.dossierId,
            purpose: o.purpose,
            state: o.state,
            outcome: o.outcome,
            reason: o.reason,
            actor: o.actor,
            createdAt: o.createdAt,
            settledAt: o.settledAt,
          })),
        };
      },
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
      async (request) => {
        const { lockerId } = request.params;
        if (!store.lockers.get(lockerId)) throw new HttpRefusal('not_found');
        return doorOpened(
          openedOrRefuse(
            await opens.through(() =>
              ledger.technician.openDoor(lockerId, request.body.reason, accountOf(request)),
            ),
          ),
        );
      },
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
        if (!inService && !reason) throw new HttpRefusal('bad_request');
        ledger.technician.setInService(
          request.params.lockerId,
          inService,
          reason ?? null,
          accountOf(request),
        );
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
      async () => ({
        items: ledger.technician.listNeedsInspection().map((i) => ({ ...i, settleTo: [...i.settleTo] })),
      }),
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
        const found = request.body.found as DossierState;
        if (!(DOSSIER_STATES as readonly string[]).includes(found)) throw new HttpRefusal('bad_request');
        ledger.technician.settle(request.params.dossierId, found, accountOf(request));
        return { ok: true };
      },
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

    app.get(
      '/incidents',
      { schema: { tags: TAGS, summary: 'Open incidents', response: { 200: IncidentList } } },
      async () => ({
        incidents: store.incidents.listOpen().map((i) => ({
          id: i.id,
          lockerId: i.lockerId,
          kind: i.kind,
          openedAt: i.openedAt,
        })),
      }),
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
      async (request) => {
        if (!deps.backupNow) throw new HttpRefusal('backup_unavailable');
        const taken = await deps.backupNow();
        store.write(() =>
          store.audit.append({
            actor: `technician:${accountOf(request)}`,
            action: 'store.backup',
            subject: null,
            detail: { bytes: taken.bytes },
            at: deps.clock(),
          }),
        );
        return taken;
      },
    );

    await app.register(techHealthRoutes(ctx, checkHealth));
    await app.register(bulkOpenRoutes(ctx));
  };
}
