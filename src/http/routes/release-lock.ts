import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountOf } from '../auth';
import { DossierIdParams, ERROR_REPLIES, Ok } from '../schemas/common';

/**
 * Releasing a dossier locked after too many wrong codes: the same route in the staff and the
 * technician consoles, each under its own tags and calling its own service.
 */
export function releaseLockRoute(
  tags: string[],
  releaseLock: (dossierId: number, accountId: string) => boolean,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/dossiers/:dossierId/release-lock',
      {
        schema: {
          tags,
          summary: 'Release a dossier locked after too many wrong codes',
          params: DossierIdParams,
          response: { 200: Ok, ...ERROR_REPLIES },
        },
      },
      async (request) => ({ ok: releaseLock(request.params.dossierId, accountOf(request)) }),
    );
  };
}
