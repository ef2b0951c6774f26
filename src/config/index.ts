/** The kiosk's configuration: one JSON file, checked at start-up before anything starts. */
export type {
  AccountSeed,
  BusConfig,
  Config,
  LockerSeed,
  NotificationsConfig,
  PrinterConfig,
  ScannerConfig,
} from './config';
export { ConfigError, ConfigErrors } from './errors';
export { httpSettings } from './http-settings';
export { KERONG_PROFILES } from './kerong-profiles';
export { DEFAULT_CONFIG_FILE, type LoadOptions, loadConfig, parseConfig } from './load';
export { type ConfigFile, ConfigSchema } from './schema';
