import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '../store';

export interface Session {
  readonly accountId: string;
  readonly role: StaffRole;
  readonly expiresAt: number;
}

export type SessionLookup =
  | { readonly ok: true; readonly session: Session }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Staff sessions: an opaque random token (256 bits) handed to the client, kept here only as its
 * SHA-256, so a heap dump or a log line of this map opens nothing.
 *
 * They live in memory on purpose. A restart signs everybody out, which fails safe: the worst case
 * is a staff member signing in again. What must survive a power cycle is the login lockout, and
 * that lives in the store (staff_accounts.failed_logins / locked_until), not here.
 */
export class SessionBook {
  private readonly byDigest = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number,
  ) {}

  open(accountId: string, role: StaffRole): { token: string; session: Session } {
    this.forgetOld();
    const token = randomBytes(32).toString('base64url');
    const session = { accountId, role, expiresAt: this.clock() + this.ttlMs };
    this.byDigest.set(digest(token), session);
    return { token, session };
  }

  lookup(token: string): SessionLookup {
    const key = digest(token);
    const session = this.byDigest.get(key);
    if (!session) return { ok: false, reason: 'unknown' };
    if (session.expiresAt <= this.clock()) {
      this.byDigest.delete(key);
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, session };
  }

  close(token: string): boolean {
    return this.byDigest.delete(digest(token));
  }

  get size(): number {
    return this.byDigest.size;
  }

  // Expired sessions are kept one more lifetime so a late request hears "expired", then dropped.
  private forgetOld(): void {
    const cutoff = this.clock() - this.ttlMs;
    for (const [k, s] of this.byDigest) if (s.expiresAt <= cutoff) this.byDigest.delete(k);
  }
}
