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
 * The pause after the n-th consecutive wrong PIN, before the account takes another sign-in:
 * 1, 2, 4, 8 s, then the full lock (loginLockMs, 15 min by default) from the loginMaxFailures-th
 * (5 by default). Retyping a PIN takes longer than the first pauses, so a typo costs a staff
 * member nothing, while a guesser gets 4 tries in 15 s and then 1 per lock period.
 */
export function pauseAfter(
  failures: number,
  settings: { loginMaxFailures: number; loginLockMs: number },
): number {
  if (failures >= settings.loginMaxFailures) return settings.loginLockMs;
  return Math.min(1_000 * 2 ** (failures - 1), settings.loginLockMs);
}

/**
 * Sign-in for staff, supervisors and technicians, and the sessions it opens. The lockout counters
 * live in the store (they must survive a restart); the sessions in memory (a restart signs
 * everybody out, which fails safe). A lock stops new sign-ins only: a session already open stays
 * open, so a stranger guessing at the office LAN cannot sign a staff member out. An unknown id, an
 * inactive one, a wrong PIN and a paused or locked account all get the same refusal after the same
 * scrypt work, so the answer tells nothing about which ids exist or are locked.
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
    /** Signs in, or counts a wrong PIN and pauses, then locks, the account's new sign-ins. */
    signIn(accountId: string, pin: string): SignedIn {
      const now = clock();
      const account = store.staff.get(accountId);
      const usable = account?.active === true ? account : null;
      // One scrypt on every path, its result used only once the account may sign in.
      const pinMatches = verifyPin(pin, usable ? usable.pinHash : decoy);
      if (!usable) throw new KioskRefusal('bad_login');
      // Tries while paused are neither counted nor audited: waiting is the only way through.
      if (usable.lockedUntil !== null && usable.lockedUntil > now) throw new KioskRefusal('bad_login');
      if (!pinMatches) {
        store.write(() => {
          const failures = store.staff.recordFailedLogin(accountId);
          audit(usable, 'staff.login_failed', { failures });
          const until = now + pauseAfter(failures, settings);
          store.staff.lockUntil(accountId, until);
          if (failures >= settings.loginMaxFailures) audit(usable, 'staff.login_locked', { until });
        });
        throw new KioskRefusal('bad_login');
      }
      store.write(() => {
        store.staff.clearFailedLogins(accountId);
        audit(usable, 'staff.login');
      });
      const { token, session } = sessions.open(accountId, usable.role);
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
