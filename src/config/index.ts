/** The kiosk's configuration: one JSON file, checked at start-up before anything starts. */
export type {
  AccountSeed,
  BusConfig,
  Config,
  NotificationsConfig,
  PrinterConfig,
  ScannerConfig,
} from './config';
export { DEFAULTS } from './defaults';
export { ConfigError, type ConfigProblem } from './errors';
export { DEFAULT_CONFIG_FILE, type LoadOptions, loadConfig, parseConfig } from './load';
export type { LockerSeed } from './lockers';
export { type ConfigFile, ConfigSchema } from './schema';
export {
  DEFAULT_HTTP_SETTINGS,
  type HttpSettings,
  httpSettings,
  type LedgerSettings,
  ledgerSettings,
  type NotifySettings,
  notifySettings,
} from './settings';
