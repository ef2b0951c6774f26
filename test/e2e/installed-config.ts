import { join } from 'node:path';
import { shippedConfig } from '../support/config-files';

/**
 * config/default.json as shipped, with where its data goes (ledger, backups, kiosk key) moved
 * into `dir` and without the demo's simulated hands: the test moves the doors itself. Each rig
 * then writes its own buses, devices and accounts into it.
 */
export function installedConfig(dir: string): Record<string, unknown> {
  const doc = shippedConfig();
  doc.store = {
    path: join(dir, 'ledger.db'),
    backupDir: join(dir, 'backups'),
    backupEveryHours: 24,
    keepBackups: 2,
    integrityCheckEveryHours: 24,
  };
  doc.kioskKeyFile = join(dir, 'kiosk.key');
  delete doc.demo;
  return doc;
}
