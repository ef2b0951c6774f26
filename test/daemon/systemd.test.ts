import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSystemdNotifier, watchdogIntervalMs } from '../../src/systemd';
import { hasCommand, until } from '../support/child-process';
import { releasedAfterEach, tempDir } from '../support/release';
import { notifyReceiver } from './notify-receiver';

const canReceive = hasCommand('systemd-notify') && hasCommand('python3');

const later = releasedAfterEach();

/** systemd's notify socket, stood in for in a temporary directory. */
async function notifySocket(): Promise<{ path: string; messages: string[] }> {
  const path = join(tempDir('sd-notify-', later), 'notify.sock');
  return { path, messages: await notifyReceiver(path, later) };
}

describe('systemd notifications', () => {
  it('does nothing without NOTIFY_SOCKET', async () => {
    const sent: string[][] = [];
    const notifier = createSystemdNotifier({ WATCHDOG_USEC: '1000' }, async (a) => void sent.push([...a]));
    expect(notifier.active).toBe(false);
    await notifier.ready('serving');
    await notifier.stopping();
    const stop = notifier.startWatchdog(() => true);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(sent).toEqual([]);
  });

  it('reads the watchdog interval only when it is meant for this process', () => {
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' })).toBe(30_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '1' }, 2)).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '2' }, 2)).toBe(30_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: 'soon' })).toBeNull();
    expect(watchdogIntervalMs({})).toBeNull();
  });

  it.skipIf(!canReceive)(
    'sends READY=1 with this process as the main one, and STOPPING=1, through systemd-notify',
    async () => {
      const socket = await notifySocket();
      const notifier = createSystemdNotifier({ NOTIFY_SOCKET: socket.path });
      expect(notifier.active).toBe(true);
      await notifier.ready('serving http://127.0.0.1:8080');
      await notifier.stopping();
      await until(() => socket.messages.length >= 2, 'two notifications', 1000);
      expect(socket.messages[0]!.split(' ')).toEqual(
        expect.arrayContaining(['READY=1', `MAINPID=${process.pid}`, 'STATUS=serving']),
      );
      expect(socket.messages[1]).toBe('STOPPING=1');
    },
  );

  it.skipIf(!canReceive)('feeds the watchdog only while healthy', async () => {
    const socket = await notifySocket();
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: '100000' });
    let asked = 0;
    let healthy = false;
    const stop = notifier.startWatchdog(() => {
      asked++;
      return healthy;
    });
    try {
      await until(() => asked >= 3, 'three watchdog ticks', 1000);
      expect(socket.messages).toEqual([]);
      healthy = true;
      await until(() => socket.messages.includes('WATCHDOG=1'), 'a watchdog feeding', 1000);
      healthy = false;
    } finally {
      stop();
    }
  });
});
