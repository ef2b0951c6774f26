import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { bearerToken, keyedLimit } from '../auth';
import type { HttpContext } from '../context';
import { HttpRefusal } from '../errors';
import { ERROR_REPLIES, Ok } from '../schemas/common';
import { LoginBody, SessionReply } from '../schemas/staff';

const TAGS = ['session'];

/** Sign-in for staff, supervisors and technicians (the lockout is the kiosk's staff sessions). */
export function sessionRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { staffSessions } = ctx.kiosk;
  return async (app) => {
    const loginLimit = keyedLimit(app, 'login', ctx.config.attemptsPerMinute, (r) => {
      const id = (r.body as { accountId?: unknown } | undefined)?.accountId;
      return typeof id === 'string' ? id.slice(0, 64) : null;
    });

    app.post(
      '/session',
      {
        preHandler: loginLimit,
        schema: {
          tags: TAGS,
          summary: 'Sign in with an account id and PIN',
          body: LoginBody,
          response: { 201: SessionReply, ...ERROR_REPLIES },
        },
      },
      async (request, reply) =>
        reply.code(201).send(staffSessions.signIn(request.body.accountId, request.body.pin)),
    );

    app.delete(
      '/session',
      { schema: { tags: TAGS, summary: 'Sign out', response: { 200: Ok, ...ERROR_REPLIES } } },
      async (request) => {
        const token = bearerToken(request);
        if (!token) throw new HttpRefusal('unauthenticated');
        return { ok: staffSessions.signOut(token) };
      },
    );
  };
}
