import type { Database, Statement } from 'better-sqlite3';
import { canonicalJson, type JsonValue } from './canonical-json';

/** Operational switches that must survive a restart (maintenance mode, ...), stored as JSON. */
export type SettingsRepo = {
  get(key: string): JsonValue | undefined;
  set(key: string, value: JsonValue, at: number): void;
  /** While on, the kiosk takes no new drop-offs or pickups. */
  maintenanceMode(): boolean;
  setMaintenanceMode(on: boolean, at: number): void;
};

export const MAINTENANCE_MODE_KEY = 'maintenance_mode';

export function createSettingsRepo(db: Database): SettingsRepo {
  const get: Statement<[string], { value: string }> = db.prepare('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare(`
    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const read = (key: string): JsonValue | undefined => {
    const r = get.get(key);
    return r ? (JSON.parse(r.value) as JsonValue) : undefined;
  };
  return {
    get: read,
    set: (key, value, at) => {
      set.run(key, canonicalJson(value), at);
    },
    maintenanceMode: () => read(MAINTENANCE_MODE_KEY) === true,
    setMaintenanceMode: (on, at) => {
      set.run(MAINTENANCE_MODE_KEY, canonicalJson(on), at);
    },
  };
}
