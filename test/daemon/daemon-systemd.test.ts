import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCommand, until } from '../support/child-process';
import { releasedAfterEach } from '../support/release';
import { launchDaemon, scratchConfig } from './daemon-process';
import { notifyReceiver } from './notify-receiver';

const later = releasedAfterEach();

describe('the daemon under systemd', () => {
  it.skipIf(!hasCommand('systemd-notify') || !hasCommand('python3'))(
    'says READY=1 once serving, feeds the watchdog while healthy, and STOPPING=1 on SIGTERM',
    async () => {
      const config = scratchConfig(later);
      const socket = join(config.dir, 'notify.sock');
      const messages = await notifyReceiver(socket, later);
      const daemon = launchDaemon(later, config.file, { NOTIFY_SOCKET: socket, WATCHDOG_USEC: '400000' });
      await daemon.line('kiosk started');
      await until(() => messages.some((m) => m.startsWith('READY=1')), 'READY=1', 3000);
      expect(messages.find((m) => m.startsWith('READY=1'))).toMatch(
        /STATUS=serving http:\/\/127\.0\.0\.1:\d+/,
      );
      await until(() => messages.includes('WATCHDOG=1'), 'a watchdog feeding', 3000);

      daemon.signal('SIGTERM');
      expect(await daemon.exited).toEqual({ code: 0, signal: null });
      expect(messages).toContain('STOPPING=1');
      // Nothing feeds the watchdog once stopping has been announced.
      expect(messages.slice(messages.indexOf('STOPPING=1'))).not.toContain('WATCHDOG=1');
    },
  );
});
