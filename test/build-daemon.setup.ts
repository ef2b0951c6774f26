import { join } from 'node:path';
import { buildDaemon } from '../scripts/build-daemon.mjs';

/**
 * Vitest's global setup: the tests that start the daemon as a process start what `npm start`
 * and the systemd unit run, dist/main.mjs, built once here from the sources under test.
 */
export default async function setup(): Promise<void> {
  await buildDaemon(join(import.meta.dirname, '..'));
}
