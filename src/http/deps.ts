import type { Logger } from 'pino';
import type { HttpConfig, Kiosk } from '../kiosk';

/**
 * What the HTTP shell is built from: the kiosk's services (the composition root builds them from
 * the real hardware; tests from a real store, the real ledger and simulated boards), the
 * daemon's logger and the front end's settings. The shell creates nothing else.
 */
export interface AppDeps {
  readonly kiosk: Kiosk;
  /** The daemon's pino logger; the app takes a child with an allowlist of fields. */
  readonly logger: Logger;
  readonly config: HttpConfig;
}
