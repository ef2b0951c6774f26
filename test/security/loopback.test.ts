import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DaemonChild, freePort } from '../e2e/daemon-child';
import { shippedConfig } from '../support/config-files';
import { releasedAfterEach, tempDir } from '../support/release';
import { listenersOf, processTree } from './listeners';

const later = releasedAfterEach();

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

describe('with the default configuration', () => {
  it('nothing the daemon starts listens beyond loopback', async () => {
    const dir = tempDir('kiosk-loopback-', later);
    // config/default.json as shipped; only where its data goes is moved to a temp dir.
    const doc = shippedConfig();
    doc.store = { ...(doc.store as object), path: join(dir, 'ledger.db'), backupDir: join(dir, 'backups') };
    doc.kioskKeyFile = join(dir, 'kiosk.key');
    const file = join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify(doc));
    const daemon = new DaemonChild(file, await freePort());
    later(() => daemon.kill());
    await daemon.healthy();
    await daemon.line('scanner open');

    const listeners = listenersOf(processTree(daemon.pid));
    // The HTTP port is among them (the reading works), and every listener is on loopback.
    expect(listeners.map((l) => l.port)).toContain(daemon.port);
    const exposed = listeners.filter((l) => !LOOPBACK.has(l.address));
    expect(exposed).toEqual([]);

    expect(await daemon.stop()).toEqual({ code: 0, signal: null });
  });
});
