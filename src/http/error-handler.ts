import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { refusalOf } from '../kiosk';
import { type ErrorCode, errorBody, statusFor } from './errors';

/** What an error thrown anywhere in a route becomes: a status and a stable code. */
function classify(error: unknown): { code: ErrorCode; status: number; refused: boolean } {
  const refusal = refusalOf(error);
  if (refusal) return { code: refusal.code, status: statusFor(refusal.code), refused: true };
  const e = error as Partial<FastifyError>;
  if (e.validation) return { code: 'bad_request', status: 400, refused: false };
  // Fastify's own client errors: bad JSON, wrong content type, body too large.
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: e.statusCode === 404 ? 'not_found' : 'bad_request', status: e.statusCode, refused: false };
  }
  return { code: 'internal', status: 500, refused: false };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { code, status, refused } = classify(error);
    reply.errorCode = code;
    if (status >= 500 && code === 'internal') request.log.error({ err: error }, 'request failed');
    else if (refused) {
      // Ids only: the detail objects are written to hold nothing else.
      const detail = refusalOf(error)?.detail;
      if (detail) request.log.info({ code, detail }, 'refused');
    }
    return reply.code(status).send(errorBody(code));
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.errorCode = 'not_found';
    return reply.code(404).send(errorBody('not_found'));
  });
}

/**
 * Errors the router meets before any route runs (a path parameter over maxParamLength: 414, a URL
 * that does not decode: 400), which bypass the error handler: Fastify would answer them with its own
 * body and the URL in the message. Same stable shape as every other refusal, nothing echoed.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
      ? error.statusCode
      : 400;
  reply.errorCode = 'bad_request';
  reply.code(status).send(errorBody('bad_request'));
}
