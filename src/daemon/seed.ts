import type { Config } from '../config';
import type { Store } from '../store';

export interface SeedReport {
  readonly lockers: number;
  /** Doors in the store that the configuration no longer lists, now out of service. */
  readonly lockersRetired: number;
  readonly procedures: number;
  /** Procedures no longer offered (kept for the dossiers that name them). */
  readonly proceduresRetired: number;
  readonly accountsCreated: number;
}

export const NOT_CONFIGURED = 'not in the configuration';

/**
 * Brings the store in line with the configuration, in one transaction, on every start. Doors and
 * procedures follow the file (a removed one is retired, never deleted: dossiers name it); an
 * account is created only when missing, so a PIN changed at the kiosk survives a restart.
 */
export function seedFromConfig(store: Store, config: Config, now: number): SeedReport {
  return store.write(() => {
    const configured = new Set(config.lockers.map((l) => l.id));
    for (const locker of config.lockers) store.lockers.upsert(locker);
    let lockersRetired = 0;
    for (const locker of store.lockers.list()) {
      if (!configured.has(locker.id) && locker.inService) {
        store.lockers.setInService(locker.id, false, NOT_CONFIGURED);
        lockersRetired++;
      } else if (configured.has(locker.id) && locker.outOfServiceReason === NOT_CONFIGURED) {
        // Listed again: back in service (a door a technician took out keeps its own reason).
        store.lockers.setInService(locker.id, true, null);
      }
    }
    const codes = new Set(config.procedures.map((p) => p.code));
    const retired = store.procedures.listActive().filter((p) => !codes.has(p.code));
    for (const p of retired) store.procedures.upsert({ ...p, active: false });
    for (const p of config.procedures) store.procedures.upsert(p);
    let accountsCreated = 0;
    for (const account of config.accounts) {
      if (store.staff.get(account.id)) continue;
      store.staff.create({ ...account, createdAt: now });
      accountsCreated++;
    }
    const report: SeedReport = {
      lockers: config.lockers.length,
      lockersRetired,
      procedures: config.procedures.length,
      proceduresRetired: retired.length,
      accountsCreated,
    };
    if (lockersRetired + retired.length + accountsCreated > 0) {
      store.audit.append({
        actor: 'system',
        action: 'config.seeded',
        subject: null,
        detail: { ...report },
        at: now,
      });
    }
    return report;
  });
}
