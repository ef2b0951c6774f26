import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ANCHOR_FILE } from '../../src/daemon/compose';
import { openStore } from '../../src/store';
import { releasedAfterEach } from '../support/release';
import { DaemonProcess, launchDaemon, listeningAddresses, scratchConfig } from './daemon-process';

const later = releasedAfterEach();

const LOOPBACK_V4 = '0100007F'; // 127.0.0.1 as /proc/net/tcp writes it

async function started(d: DaemonProcess): Promise<string> {
  const line = await d.line('kiosk started');
  const [first] = line.listening as { host: string; port: number }[];
  return `http://${first!.host}:${first!.port}`;
}

describe('the kiosk daemon as a process', () => {
  it('comes up on the embedded simulator, healthy, serving the API, on loopback only by default; stops on SIGINT', async () => {
    const config = scratchConfig(later);
    const daemon = launchDaemon(later, config.file);
    const base = await started(daemon);
    const port = Number(new URL(base).port);
    expect(new URL(base).hostname).toBe('127.0.0.1');

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ healthy: true, links: [{ bank: 0, state: 'ready' }] });

    const procedures = (await (await fetch(`${base}/api/v1/procedures`)).json()) as {
      procedures: { code: string }[];
    };
    expect(procedures.procedures.map((p) => p.code).sort()).toEqual([
      'CT-01',
      'HKD-01',
      'HT-05',
      'KS-01',
      'XD-01',
    ]);
    expect((await fetch(`${base}/docs`)).status).toBe(200);

    expect(listeningAddresses(port)).toEqual([LOOPBACK_V4]);

    // A drop-off walks through: the door opens, the simulated hands deposit and shut it, and the
    // receipt goes to the simulated printer over loopback TCP.
    const opened = await fetch(`${base}/api/v1/dropoffs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedureCode: 'CT-01', name: 'Trần Thị B', phone: '0912345678' }),
    });
    expect(opened.status).toBe(201);
    expect(await daemon.line('receipt printed')).toMatchObject({ layer: 'devices', paper: 'ok' });
    expect(JSON.stringify(daemon.lines)).not.toMatch(/Trần|0912345678/);

    // The kiosk scanner (simulated, on loopback TCP): our receipt QR goes to the pickup flow.
    const scan = (payload: string) =>
      fetch(`${base}/api/v1/sim/scan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload }),
      });
    const portal = 'https://dichvucong.gov.vn';
    expect((await scan(portal)).status).toBe(200);
    expect(await daemon.line('scan is not a pickup receipt')).toMatchObject({ length: portal.length });
    expect((await scan('DL1.00000000000000.AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(200);
    expect(await daemon.line('pickup scan refused')).toHaveProperty('refusal');

    daemon.signal('SIGINT');
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    expect(listeningAddresses(port)).toEqual([]);
  });

  it('on SIGTERM lets an open door settle before closing the store, leaving the ledger consistent', async () => {
    const config = scratchConfig(later);
    const daemon = launchDaemon(later, config.file);
    const base = await started(daemon);

    // A second daemon on the same database is refused before it touches the store or the boards.
    const second = new DaemonProcess(config.file);
    try {
      expect((await second.exited).code).toBe(1);
      expect(second.stderr).toMatch(/another kiosk daemon \(pid \d+\) is using this database/);
    } finally {
      await second.kill();
    }

    const opened = await fetch(`${base}/api/v1/dropoffs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedureCode: 'HKD-01', name: 'Nguyễn Văn A', phone: '0901234567' }),
    });
    expect(opened.status).toBe(201);
    const { door } = (await opened.json()) as { door: number };

    // The door is open; the simulated hands put the dossier in and shut it while the daemon stops.
    daemon.signal('SIGTERM');
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    const messages = daemon.lines.map((l) => l.msg);
    expect(messages).toContain('stopped');
    expect(messages).not.toContain('doors still open at shutdown: reconciled at next start');

    const store = openStore(join(config.dir, 'ledger.db'), { quickCheck: 'startup' });
    try {
      const [deposited] = store.dossiers.listByState('deposited', 10);
      expect(store.dossiers.listByState('reserved', 10)).toEqual([]);
      expect(store.lockers.get(deposited!.lockerId!)?.position).toBe(door);
      expect(store.lockers.listWithOccupancy().filter((l) => l.unsettledOperation)).toEqual([]);
      expect(store.checkNow('integrity_check').ok).toBe(true);
      expect(store.audit.verifyChain().ok).toBe(true);
    } finally {
      store.close();
    }
    // A first start has no backup yet: one is taken at once, whole, under its final name.
    // Beside it, the audit chain's anchored head (see the housekeeping test).
    const backups = readdirSync(join(config.dir, 'backups')).filter((f) => f !== AUDIT_ANCHOR_FILE);
    expect(backups).toEqual([expect.stringMatching(/^ledger-\d{8}T\d{9}Z\.db$/)]);
    const copy = openStore(join(config.dir, 'backups', backups[0]!), { quickCheck: 'startup' });
    try {
      expect(copy.lockers.list()).toHaveLength(32);
    } finally {
      copy.close();
    }
  });

  it('a SIGTERM while starting is carried out once started, through the clean stop', async () => {
    const config = scratchConfig(later);
    const daemon = launchDaemon(later, config.file);
    // Logged once the store is open, before the boards are reconciled and HTTP listens.
    await daemon.line('store open');
    daemon.signal('SIGTERM');
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    const messages = daemon.lines.map((l) => l.msg);
    expect(messages).toContain('stop asked for during start-up');
    expect(messages.indexOf('kiosk started')).toBeLessThan(messages.indexOf('stopped'));
    const store = openStore(join(config.dir, 'ledger.db'), { quickCheck: 'startup' });
    try {
      expect(store.audit.verifyChain().ok).toBe(true);
    } finally {
      store.close();
    }
  });

  it('after a kill -9 with a door open, the next start settles the operation before serving', async () => {
    const config = scratchConfig(later, (doc) => {
      doc.demo = { handsAfterSeconds: 600 }; // nobody shuts the door before the crash
    });
    let daemon = launchDaemon(later, config.file);
    const base = await started(daemon);
    const opened = await fetch(`${base}/api/v1/dropoffs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedureCode: 'KS-01', name: 'Lê Văn C', phone: '0987654321' }),
    });
    expect(opened.status).toBe(201);
    daemon.signal('SIGKILL');
    expect((await daemon.exited).signal).toBe('SIGKILL');

    // The embedded boards come back shut and empty: the deposit never happened, and says so.
    daemon = launchDaemon(later, config.file);
    await started(daemon);
    expect(daemon.lines.find((l) => l.msg === 'doors reconciled')).toMatchObject({
      operations: 1,
      confirmed: 1,
    });
    daemon.signal('SIGTERM');
    expect((await daemon.exited).code).toBe(0);
    const store = openStore(join(config.dir, 'ledger.db'), { quickCheck: 'startup' });
    try {
      expect(store.dossiers.listByState('reserved', 10)).toEqual([]);
      expect(store.dossiers.listByState('cancelled', 10)).toHaveLength(1);
      expect(store.lockers.listWithOccupancy().filter((l) => l.unsettledOperation)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('also listens on the office-LAN address when one is configured, and on nothing else', async () => {
    // 127.0.0.2 is a loopback address standing in for the office LAN.
    const config = scratchConfig(later, (doc) => {
      doc.http = { port: 0, officeHost: '127.0.0.2' };
    });
    const daemon = launchDaemon(later, config.file);
    const line = await daemon.line('kiosk started');
    const listening = line.listening as { host: string; port: number }[];
    expect(listening.map((l) => l.host)).toEqual(['127.0.0.1', '127.0.0.2']);
    const addresses = listening.flatMap((l) => listeningAddresses(l.port));
    expect(addresses.sort()).toEqual([LOOPBACK_V4, '0200007F']);
    const office = await fetch(`http://127.0.0.2:${listening[1]!.port}/healthz`);
    expect(office.status).toBe(200);
    daemon.signal('SIGTERM');
    expect((await daemon.exited).code).toBe(0);
  });

  it('refuses a bad configuration by name, exits 78 and opens nothing', async () => {
    const config = scratchConfig(later, (doc) => {
      (doc.buses as { connection: string }[])[0]!.connection = 'COM3';
    });
    const daemon = launchDaemon(later, config.file);
    expect(await daemon.exited).toEqual({ code: 78, signal: null });
    expect(daemon.stderr).toContain(
      `${config.file}: buses[0].connection: expected tcp://host:port or a tty path`,
    );
    expect(daemon.lines).toEqual([]);
  });
});
