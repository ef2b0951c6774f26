import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { socatAvailable } from '../../hardware-sim/pty-endpoint';
import { SimulatedScanner, type SimulatedScannerOptions } from '../../hardware-sim/scanner/scanner-sim';
import type { DeviceError } from '../../src/devices/errors';
import { QrScanner } from '../../src/devices/scanner';
import { until } from '../support/child-process';

const PAYLOAD = 'DL1.06126112100427.Qm9va2luZy1zZWNyZXQtMTIz';

interface Rig {
  sim: SimulatedScanner;
  scanner: QrScanner;
  scans: string[];
  errors: DeviceError[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(via: 'tcp' | 'pty', options: Partial<SimulatedScannerOptions> = {}): Promise<Rig> {
  let ptyPath: string | undefined;
  if (via === 'pty') {
    const dir = mkdtempSync(join(tmpdir(), 'scanner-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    ptyPath = join(dir, 'ttyScanner');
  }
  const sim = await SimulatedScanner.start({ ...options, ptyPath });
  cleanups.push(() => sim.stop());
  const scanner = await QrScanner.open({ spec: ptyPath ?? sim.url, maxLineBytes: 256 });
  cleanups.push(() => scanner.close());
  await sim.waitForClient();
  const scans: string[] = [];
  const errors: DeviceError[] = [];
  scanner.onScan((text) => scans.push(text));
  scanner.onError((error) => errors.push(error));
  if (via === 'pty') {
    // The pty is open only once the driver holds it; a probe scan shows the path is live.
    sim.scan('probe');
    await until(() => scans.length === 1, 'the probe scan through the pty');
    scans.length = 0;
  }
  return { sim, scanner, scans, errors };
}

for (const via of ['tcp', 'pty'] as const) {
  describe(`the QR scanner over ${via}`, () => {
    const skip = via === 'pty' && !socatAvailable();
    if (skip)
      console.warn('socat is not on PATH: the scanner-over-pty tests are SKIPPED (apt-get install socat)');

    it.skipIf(skip)('reads scans ended by CR, LF and CR LF', async () => {
      const { sim, scans, errors } = await rig(via);
      sim.scan(PAYLOAD, 'CR');
      sim.scan('second', 'LF');
      sim.scan('third', 'CRLF');
      await until(() => scans.length === 3, 'three scans');
      expect(scans).toEqual([PAYLOAD, 'second', 'third']);
      expect(errors).toEqual([]);
    });

    it.skipIf(skip)('joins a scan split across writes', async () => {
      const { sim, scans } = await rig(via, { terminator: 'CRLF' });
      await sim.scanSplit(PAYLOAD, 5);
      await sim.scanSplit('Giấy khai sinh', 7);
      await until(() => scans.length === 2, 'two split scans');
      expect(scans).toEqual([PAYLOAD, 'Giấy khai sinh']);
    });

    it.skipIf(skip)('reports garbled and over-long lines as errors and keeps reading', async () => {
      const { sim, scans, errors } = await rig(via, { terminator: 'LF' });
      sim.scanGarbled(24);
      sim.scan(PAYLOAD);
      sim.sendRaw(Buffer.from(`${'z'.repeat(1000)}\n`));
      sim.scan('after');
      await until(() => scans.length === 2 && errors.length === 2, 'two scans and two errors');
      expect(scans).toEqual([PAYLOAD, 'after']);
      expect(errors.map((e) => e.code)).toEqual(['scan_garbled', 'scan_too_long']);
      expect(errors[1]!.message).toContain('1000');
    });
  });
}

describe('a scanner that goes away', () => {
  it('reports the close once its port is gone', async () => {
    const { sim, scanner } = await rig('tcp');
    const reasons: string[] = [];
    scanner.onClose((reason) => reasons.push(reason.kind));
    await sim.stop();
    await until(() => reasons.length === 1, 'the close report');
    expect(reasons).toEqual(['remote_end']);
    expect(scanner.closed).toBe(true);
  });
});

describe('a scanner that is not there', () => {
  it('fails to open with a typed error', async () => {
    await expect(QrScanner.open({ spec: '/dev/serial/by-id/no-such-scanner' })).rejects.toMatchObject({
      code: 'scanner_unreachable',
    });
  });
});
