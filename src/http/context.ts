import type { HttpConfig, Kiosk } from '../kiosk';

/** What the route modules share: the kiosk's services and the checked settings. */
export interface HttpContext {
  readonly kiosk: Kiosk;
  readonly config: HttpConfig;
}
