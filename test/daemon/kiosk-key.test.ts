import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KioskKeyError, loadKioskKey } from '../../src/daemon/kiosk-key';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the per-kiosk key file', () => {
  it('is created on first start with 0600 permissions, in a directory only the owner reads', () => {
    const file = join(dir, 'fresh', 'kiosk.key');
    const { key, created } = loadKioskKey(file);
    expect(created).toBe(true);
    expect(key.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'fresh')).mode & 0o077).toBe(0);
    expect(readFileSync(file).equals(key)).toBe(true);
  });

  it('is read back unchanged on the next start', () => {
    const file = join(dir, 'again.key');
    const first = loadKioskKey(file);
    const second = loadKioskKey(file);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('is refused when others can read it', () => {
    const file = join(dir, 'loose.key');
    writeFileSync(file, Buffer.alloc(32, 7), { mode: 0o600 });
    chmodSync(file, 0o644);
    expect(() => loadKioskKey(file)).toThrow(KioskKeyError);
    expect(() => loadKioskKey(file)).toThrow(/readable by others \(mode 644\)/);
  });

  it('is refused when too short to be a key', () => {
    const file = join(dir, 'short.key');
    writeFileSync(file, Buffer.alloc(8, 1), { mode: 0o600 });
    expect(() => loadKioskKey(file)).toThrow(/8 bytes, expected at least 32/);
  });
});
