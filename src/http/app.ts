import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { isLoopback } from './auth';
import type { HttpContext } from './context';
import type { AppDeps } from './deps';
import { frameworkErrors, installErrorHandling } from './error-handler';
import { HttpRefusal } from './errors';
import { httpLogger, logRequests } from './logging';
import { readPathNumbers } from './path-numbers';
import { citizenRoutes } from './routes/citizen';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { pageRoutes } from './routes/pages';
import { sessionRoutes } from './routes/session';
import { simRoutes } from './routes/sim';
import { staffRoutes } from './routes/staff';
import { techRoutes } from './routes/tech';
import { checkTypedText } from './typed-text';

export const API_PREFIX = '/api/v1';

/**
 * Builds the kiosk daemon's HTTP application over the kiosk's services (no port is opened:
 * server.ts listens, tests inject). A shell: schemas, auth hooks, routes that call one service
 * each, and the mapping of refusals to statuses. Routes: citizen at /api/v1, sign-in at
 * /api/v1/session, staff at /api/v1/staff, technician at /api/v1/tech, the demo simulator at
 * /api/v1/sim, events at /api/v1/events, /healthz, and the OpenAPI documentation at /docs.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // The settings come checked, defaults filled in, from the configuration (src/config).
  const config = deps.config;
  const { kiosk } = deps;
  const base = Fastify({
    loggerInstance: httpLogger(deps.logger) as FastifyBaseLogger,
    // The request line is written by logRequests() with an allowlist of fields.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomBytes(6).toString('hex'),
    bodyLimit: 64 * 1024,
    trustProxy: false,
    frameworkErrors,
    // No coercion: a body carries exactly its schema's types. Integers of paths and query strings
    // are read from digits by readPathNumbers() before validation.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true } },
  });
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  const ctx: HttpContext = { kiosk, config };
  // In-flight long polls would hold the server's close for up to their wait.
  app.addHook('preClose', async () => kiosk.releaseWaiters());
  app.decorateRequest('staffSession', null);

  installErrorHandling(base);
  readPathNumbers(base);
  checkTypedText(base);
  logRequests(base);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Dossier locker kiosk API', version: '1.0.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", ...app.swaggerCSP.script],
        styleSrc: ["'self'", ...app.swaggerCSP.style],
        connectSrc: ["'self'"],
        // The kiosk is served over plain HTTP on loopback: nothing to upgrade to.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.requestsPerMinute,
    timeWindow: 60_000,
    // The kiosk screen itself (loopback) polls door progress and status; the per-address limit is
    // for other machines. Pickups and sign-ins have their own limits keyed by receipt and account.
    allowList: (request) => isLoopback(request.socket?.remoteAddress),
    // A websocket upgrade injected in tests has no request.ip; the socket's address stands in.
    keyGenerator: (request) => request.ip ?? request.socket?.remoteAddress ?? 'unknown',
    errorResponseBuilder: () => new HttpRefusal('rate_limited'),
  });
  await app.register(websocket, { options: { maxPayload: 4096 } });

  await app.register(healthRoutes(ctx));
  await app.register(pageRoutes());
  await app.register(
    async (api) => {
      await api.register(citizenRoutes(ctx));
      await api.register(eventRoutes(ctx));
      await api.register(sessionRoutes(ctx));
      await api.register(staffRoutes(ctx), { prefix: '/staff' });
      await api.register(techRoutes(ctx), { prefix: '/tech' });
      if (kiosk.simulator)
        await api.register(simRoutes(kiosk.simulator, config.officeHost), { prefix: '/sim' });
    },
    { prefix: API_PREFIX },
  );
  return base;
}
