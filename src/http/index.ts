/** The kiosk daemon's HTTP shell: what the composition root imports. */
export { API_PREFIX, buildApp } from './app';
export type { AppDeps } from './deps';
export { type ErrorCode, HTTP_MESSAGES, HttpRefusal, statusFor } from './errors';
export { boundHosts, type Listening, listen } from './server';
