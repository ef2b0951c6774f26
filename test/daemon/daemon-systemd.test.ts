import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DaemonProcess, testConfig } from './daemon-process';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

let daemon: DaemonProcess | null = null;
let receiver: ChildProcess | null = null;
let dir: string | null = null;
afterEach(async () => {
  await daemon?.kill();
  receiver?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
  daemon = receiver = dir = null;
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the daemon under systemd', () => {
  it.skipIf(!has('systemd-notify') || !has('python3'))(
    'says READY=1 once serving, feeds the watchdog while healthy, and STOPPING=1 on SIGTERM',
    async () => {
      const config = testConfig();
      dir = config.dir;
      const socket = join(config.dir, 'notify.sock');
      const messages: string[] = [];
      receiver = spawn('python3', [join(import.meta.dirname, 'notify-receiver.py'), socket], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) =>
        receiver!.stdout!.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
            if (line === 'listening') resolve();
            else messages.push(line);
          }
        }),
      );
      daemon = new DaemonProcess(config.file, { NOTIFY_SOCKET: socket, WATCHDOG_USEC: '400000' });
      await daemon.line('kiosk started');
      await until(() => messages.some((m) => m.startsWith('READY=1')), 'READY=1');
      expect(messages.find((m) => m.startsWith('READY=1'))).toMatch(
        /STATUS=serving http:\/\/127\.0\.0\.1:\d+/,
      );
      await until(() => messages.includes('WATCHDOG=1'), 'a watchdog feeding');

      daemon.signal('SIGTERM');
      expect(await daemon.exited).toEqual({ code: 0, signal: null });
      expect(messages).toContain('STOPPING=1');
      // Nothing feeds the watchdog once stopping has been announced.
      expect(messages.slice(messages.indexOf('STOPPING=1'))).not.toContain('WATCHDOG=1');
    },
  );
});
