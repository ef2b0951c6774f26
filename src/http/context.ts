import type { AppDeps } from './deps';
import type { EventHub } from './kiosk-events';
import type { OpensCap } from './opens-cap';
import type { PresenceCode } from './presence-code';
import type { ScanDesk } from './scan-desk';
import type { SessionBook } from './sessions';
import type { TicketBook } from './tickets';

/** What the route modules share: the deps and the app's own in-memory books. */
export interface HttpContext {
  readonly deps: AppDeps;
  readonly sessions: SessionBook;
  readonly opens: OpensCap;
  readonly tickets: TicketBook;
  readonly presence: PresenceCode;
  readonly hub: EventHub;
  readonly scanDesk: ScanDesk;
}
