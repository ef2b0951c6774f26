import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Session, StaffRole } from '../kiosk';
import type { HttpContext } from './context';
import { HttpRefusal } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, set by the role hook of the staff and technician subtrees. */
    staffSession: Session | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  return m ? m[1]! : null;
}

/**
 * The one check of a subtree: a live session whose role is one of `roles`. Routes below never
 * check again; they read request.staffSession.
 */
export function requireRole(app: FastifyInstance, ctx: HttpContext, roles: readonly StaffRole[]): void {
  // The OpenAPI document shows these routes as needing the bearer token.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, security: [{ bearer: [] }] };
  });
  app.addHook('onRequest', async (request) => {
    request.staffSession = ctx.kiosk.staffSessions.authorize(bearerToken(request), roles);
  });
}

/**
 * A console subtree (staff, technician): the role check, then a rate limit per signed-in account
 * (`name` keeps its keys apart), so one account cannot flood the routes below.
 */
export function consoleAccess(
  app: FastifyInstance,
  ctx: HttpContext,
  name: string,
  roles: readonly StaffRole[],
): void {
  requireRole(app, ctx, roles);
  app.addHook(
    'preHandler',
    keyedLimit(app, name, ctx.config.requestsPerMinute, (r) => r.staffSession?.accountId ?? null),
  );
}

/** The account of the request's session (the role hook guarantees there is one). */
export function accountOf(request: FastifyRequest): string {
  const s = request.staffSession;
  if (!s) throw new HttpRefusal('unauthenticated');
  return s.accountId;
}

/** A rate limit keyed by something other than the client's address (an account, a dossier). */
export function keyedLimit(
  app: FastifyInstance,
  /** Keeps this limiter's keys apart from the others' (they share one store). */
  name: string,
  max: number,
  keyOf: (request: FastifyRequest) => string | null,
): (request: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({
    max,
    timeWindow: 60_000,
    // Unlike the per-address limit, these hold for the kiosk screen too.
    allowList: () => false,
    keyGenerator: (request) => `${name}:${keyOf(request) ?? `ip:${request.ip}`}`,
  });
  return async (request) => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) throw new HttpRefusal('rate_limited');
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK.has(address) || address.startsWith('127.'));
}

/** Answers only to clients on this machine (the kiosk screen). */
export function kioskScreenOnly(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!isLoopback(request.socket?.remoteAddress)) throw new HttpRefusal('kiosk_only');
  });
}
