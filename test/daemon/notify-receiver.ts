import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Release } from '../support/release';

/**
 * A unix datagram socket at `path` standing in for systemd's (notify-receiver.py): resolves once
 * it listens, with the list every message it gets is pushed to, one line each. `later` (the
 * file's releasedAfterEach) stops it after the test.
 */
export async function notifyReceiver(path: string, later: (release: Release) => void): Promise<string[]> {
  const receiver = spawn('python3', [join(import.meta.dirname, 'notify-receiver.py'), path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  later(() => receiver.kill());
  const messages: string[] = [];
  await new Promise<void>((resolve) => {
    receiver.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        if (line === 'listening') resolve();
        else messages.push(line);
      }
    });
  });
  return messages;
}
