import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchDeviceNode } from '../../../firmware-bridge/transports/device-watch';

function deviceFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dev-')), 'ttyUSB0');
  writeFileSync(path, '');
  return path;
}

describe('watching a serial device node', () => {
  it('reports the node vanishing, once, naming it', async () => {
    const path = deviceFile();
    const reports: string[] = [];
    watchDeviceNode(path, 10, (detail) => reports.push(detail));
    rmSync(path);
    while (reports.length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(path);
  });

  it('says nothing while the node is there, nor after it was stopped', async () => {
    const path = deviceFile();
    const reports: string[] = [];
    const stop = watchDeviceNode(path, 10, (detail) => reports.push(detail));
    await new Promise((r) => setTimeout(r, 60));
    stop();
    rmSync(path);
    await new Promise((r) => setTimeout(r, 60));
    expect(reports).toEqual([]);
  });
});
