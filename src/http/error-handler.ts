import type { FastifyError, FastifyInstance } from 'fastify';
import { isDomainError } from '../domain/errors';
import { LedgerError } from '../ledger';
import { type ErrorCode, errorBody, HttpRefusal, LEDGER_AS_HTTP, statusFor } from './errors';

/** What an error thrown anywhere in a route becomes: a status and a stable code. */
function classify(error: unknown): { code: ErrorCode; status: number } {
  if (error instanceof HttpRefusal) return { code: error.code, status: error.statusCode };
  if (isDomainError(error)) return { code: error.code, status: statusFor(error.code) };
  if (error instanceof LedgerError) {
    const code = LEDGER_AS_HTTP[error.code];
    return { code, status: statusFor(code) };
  }
  const e = error as Partial<FastifyError>;
  if (e.validation) return { code: 'bad_request', status: 400 };
  // Fastify's own client errors: bad JSON, wrong content type, body too large.
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: e.statusCode === 404 ? 'not_found' : 'bad_request', status: e.statusCode };
  }
  return { code: 'internal', status: 500 };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { code, status } = classify(error);
    reply.errorCode = code;
    if (status >= 500 && code === 'internal') request.log.error({ err: error }, 'request failed');
    else if (error instanceof HttpRefusal || error instanceof LedgerError || isDomainError(error)) {
      // Ids only: the detail objects are written to hold nothing else.
      if (error.detail) request.log.info({ code, detail: error.detail }, 'refused');
    }
    return reply.code(status).send(errorBody(code));
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.errorCode = 'not_found';
    return reply.code(404).send(errorBody('not_found'));
  });
}
