import { DomainError } from '../domain/errors';
import { linksUp } from './health';
import type { LinksHealth, StorePort } from './ports';

/** A citizen flow opens no door while the kiosk is in maintenance or has lost its lockers. */
export function ensureInService(store: Pick<StorePort, 'settings'>, linksHealth: LinksHealth): void {
  if (store.settings.maintenanceMode()) throw new DomainError('kiosk_maintenance');
  if (!linksUp(linksHealth())) throw new DomainError('link_down');
}
