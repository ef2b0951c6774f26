import { DomainError } from '../domain/errors';
import type { AppDeps } from './deps';
import { linksUp } from './health';

/** A citizen flow opens no door while the kiosk is in maintenance or has lost its lockers. */
export function ensureInService(deps: Pick<AppDeps, 'store' | 'linksHealth'>): void {
  if (deps.store.settings.maintenanceMode()) throw new DomainError('kiosk_maintenance');
  if (!linksUp(deps.linksHealth())) throw new DomainError('link_down');
}
