import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/**
 * Request logs carry an allowlist of fields: the request id, the method, the route pattern (never
 * the URL: tickets and receipt numbers travel in it), the status, the error code and the time.
 * Bodies, headers and query strings are never logged; the redact list is a second net for
 * anything that would slip into a log call by mistake.
 */
const REDACT = [
  'req.headers',
  'req.body',
  'req.url',
  'body',
  'headers',
  'authorization',
  '*.pin',
  '*.code',
  '*.qr',
  '*.qrPayload',
  '*.name',
  '*.phone',
  '*.token',
  '*.secondFactor',
  '*.presenceCode',
];

export function httpLogger(base: Logger): Logger {
  return base.child(
    { layer: 'http' },
    {
      redact: { paths: REDACT, censor: '[hidden]' },
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          route: req.routeOptions?.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (err: { name?: string; code?: string; message?: string; stack?: string }) => ({
          type: err.name,
          errorCode: err.code,
          message: err.message,
          stack: err.stack,
        }),
      },
    },
  );
}

declare module 'fastify' {
  interface FastifyReply {
    /** The error code this reply carried, for the request log. */
    errorCode: string | null;
  }
}

export function logRequests(app: FastifyInstance): void {
  app.decorateReply('errorCode', null);
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(reply.errorCode ? { code: reply.errorCode } : {}),
      },
      'request',
    );
  });
}
