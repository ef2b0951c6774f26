import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hashPin, verifyPin } from '../../domain/staff-pin';
import type { StaffAccount } from '../../store';
import { bearerToken, keyedLimit } from '../auth';
import type { HttpContext } from '../context';
import { HttpRefusal } from '../errors';
import { ERROR_REPLIES, Ok } from '../schemas/common';
import { LoginBody, SessionReply } from '../schemas/staff';

const TAGS = ['session'];

/** Sign-in for staff, supervisors and technicians; the lockout counters live in the store. */
export function sessionRoutes(ctx: HttpContext): FastifyPluginAsyncTypebox {
  const { deps, sessions } = ctx;
  const { store, config, clock } = deps;
  // Compared against when the account does not exist, so a missing id takes as long as a wrong PIN.
  const decoy = hashPin('000000');

  function audit(account: StaffAccount, action: string, detail: Record<string, number> = {}): void {
    const actor = `${account.role === 'technician' ? 'technician' : 'staff'}:${account.id}`;
    store.audit.append({ actor, action, subject: `account:${account.id}`, detail, at: clock() });
  }

  return async (app) => {
    const loginLimit = keyedLimit(app, 'login', config.attemptsPerMinute, (r) => {
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
      async (request, reply) => {
        const { accountId, pin } = request.body;
        const now = clock();
        const account = store.staff.get(accountId);
        if (!account?.active) {
          verifyPin(pin, decoy);
          throw new HttpRefusal('bad_login');
        }
        if (account.lockedUntil !== null && account.lockedUntil > now) {
          throw new HttpRefusal('login_locked', { account: 'locked' });
        }
        if (!verifyPin(pin, account.pinHash)) {
          const locked = store.write(() => {
            const failures = store.staff.recordFailedLogin(accountId);
            audit(account, 'staff.login_failed', { failures });
            if (failures < config.loginMaxFailures) return false;
            store.staff.lockUntil(accountId, now + config.loginLockMs);
            audit(account, 'staff.login_locked', { until: now + config.loginLockMs });
            return true;
          });
          if (locked) sessions.closeAccount(accountId);
          throw new HttpRefusal(locked ? 'login_locked' : 'bad_login');
        }
        store.write(() => {
          store.staff.clearFailedLogins(accountId);
          audit(account, 'staff.login');
        });
        const { token, session } = sessions.open(accountId, account.role);
        return reply.code(201).send({ token, role: session.role, expiresAt: session.expiresAt });
      },
    );

    app.delete(
      '/session',
      { schema: { tags: TAGS, summary: 'Sign out', response: { 200: Ok, ...ERROR_REPLIES } } },
      async (request) => {
        const token = bearerToken(request);
        if (!token) throw new HttpRefusal('unauthenticated');
        return { ok: sessions.close(token) };
      },
    );
  };
}
