import { hashPin, verifyPin } from '../domain/staff-pin';
import type { StaffAccount, StaffRole } from '../store';
import type { KioskContext } from './context';
import { KioskRefusal } from './refusals';
import type { Session } from './sessions';

export interface SignedIn {
  readonly token: string;
  readonly role: StaffRole;
  readonly expiresAt: number;
}

export type StaffSessions = ReturnType<typeof staffSessions>;

/**
 * Sign-in for staff, supervisors and technicians, and the sessions it opens. The lockout counters
 * live in the store (they must survive a restart); the sessions in memory (a restart signs
 * everybody out, which fails safe).
 */
export function staffSessions(ctx: Pick<KioskContext, 'store' | 'sessions' | 'settings' | 'clock'>) {
  const { store, sessions, settings, clock } = ctx;
  // Compared against when the account does not exist, so a missing id takes as long as a wrong PIN.
  const decoy = hashPin('000000');

  function audit(account: StaffAccount, action: string, detail: Record<string, number> = {}): void {
    const actor = `${account.role === 'technician' ? 'technician' : 'staff'}:${account.id}`;
    store.audit.append({ actor, action, subject: `account:${account.id}`, detail, at: clock() });
  }

  return {
    /** Signs in, or counts a wrong PIN and locks the account after too many. */
    signIn(accountId: string, pin: string): SignedIn {
      const now = clock();
      const account = store.staff.get(accountId);
      if (!account?.active) {
        verifyPin(pin, decoy);
        throw new KioskRefusal('bad_login');
      }
      if (account.lockedUntil !== null && account.lockedUntil > now) {
        throw new KioskRefusal('login_locked', { account: 'locked' });
      }
      if (!verifyPin(pin, account.pinHash)) {
        const locked = store.write(() => {
          const failures = store.staff.recordFailedLogin(accountId);
          audit(account, 'staff.login_failed', { failures });
          if (failures < settings.loginMaxFailures) return false;
          store.staff.lockUntil(accountId, now + settings.loginLockMs);
          audit(account, 'staff.login_locked', { until: now + settings.loginLockMs });
          return true;
        });
        if (locked) sessions.closeAccount(accountId);
        throw new KioskRefusal(locked ? 'login_locked' : 'bad_login');
      }
      store.write(() => {
        store.staff.clearFailedLogins(accountId);
        audit(account, 'staff.login');
      });
      const { token, session } = sessions.open(accountId, account.role);
      return { token, role: session.role, expiresAt: session.expiresAt };
    },

    /** Ends the session of this token; false when there was none. */
    signOut(token: string): boolean {
      return sessions.close(token);
    },

    /** The live session of a token whose role is one of `roles`, or the refusal. */
    authorize(token: string | null, roles: readonly StaffRole[]): Session {
      if (!token) throw new KioskRefusal('unauthenticated');
      const found = sessions.lookup(token);
      if (!found.ok)
        throw new KioskRefusal(found.reason === 'expired' ? 'session_expired' : 'unauthenticated');
      if (!roles.includes(found.session.role)) throw new KioskRefusal('forbidden');
      return found.session;
    },
  };
}
