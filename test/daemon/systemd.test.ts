import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSystemdNotifier, watchdogIntervalMs } from '../../src/systemd';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}
const canReceive = has('systemd-notify') && has('python3');

let receiver: ChildProcess | null = null;
let dir: string | null = null;
afterEach(() => {
  receiver?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
  receiver = dir = null;
});

/** A unix datagram socket standing in for systemd's: every message it gets, one line each. */
async function notifySocket(): Promise<{ path: string; messages: string[] }> {
  dir = mkdtempSync(join(tmpdir(), 'sd-notify-'));
  const path = join(dir, 'notify.sock');
  const messages: string[] = [];
  receiver = spawn('python3', [join(import.meta.dirname, 'notify-receiver.py'), path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => {
    receiver!.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        if (line === 'listening') resolve();
        else messages.push(line);
      }
    });
  });
  return { path, messages };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
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
      await until(() => socket.messages.length >= 2, 'two notifications');
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
      await until(() => asked >= 3, 'three watchdog ticks');
      expect(socket.messages).toEqual([]);
      healthy = true;
      await until(() => socket.messages.includes('WATCHDOG=1'), 'a watchdog feeding');
      healthy = false;
    } finally {
      stop();
    }
  });
});
