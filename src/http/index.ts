/** The kiosk daemon's HTTP layer: what the composition root imports. */
export { API_PREFIX, buildApp } from './app';
export type {
  AppDeps,
  BackupTaken,
  BankHealth,
  HttpConfig,
  KioskEvent,
  KioskEventSource,
  PrintableReceipt,
  ScanSource,
  SimulatorControl,
} from './deps';
export { DEFAULT_HTTP_CONFIG } from './deps';
export { type ErrorCode, HTTP_MESSAGES, HttpRefusal } from './errors';
export { checkHttpConfig, HttpConfigError } from './http-config';
export { kioskEventsFrom } from './kiosk-events';
export { boundHosts, type Listening, listen } from './server';
