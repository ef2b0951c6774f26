import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAEMON_NODE_ARGS } from './daemon-process';

const FILE = join(import.meta.dirname, '..', '..', 'config', 'dossier-locker.service');

/** Every `Key=value` of the unit, by key (repeated keys keep every value). */
function directives(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(FILE, 'utf8').split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!]);
  }
  return out;
}

describe('the systemd unit', () => {
  const d = directives();
  const one = (key: string) => d.get(key)?.at(-1);

  it('is what `npm start` runs too', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toMatch(new RegExp(`&& node ${DAEMON_NODE_ARGS.join(' ')}$`));
  });

  it('restarts always, except after a refused configuration, and is watched by the watchdog', () => {
    expect(one('Restart')).toBe('always');
    expect(one('RestartPreventExitStatus')).toBe('78');
    expect(one('Type')).toBe('notify');
    expect(one('NotifyAccess')).toBe('all');
    expect(one('WatchdogSec')).toMatch(/^\d+s?$/);
  });

  it('runs the daemon itself as the main process, as its own user, with hardening', () => {
    const [node, ...args] = (one('ExecStart') ?? '').split(' ');
    expect(node).toBe('/usr/bin/node');
    // The node options the tests and benchmarks run the daemon with, and the bundle by full path.
    expect(args.slice(0, -1)).toEqual(DAEMON_NODE_ARGS.slice(0, -1));
    expect(args.at(-1)).toMatch(/^\/\S+\/dist\/main\.mjs$/);
    expect(one('User')).toBe('dossier-locker');
    for (const key of ['NoNewPrivileges', 'ProtectHome', 'PrivateTmp', 'RestrictSUIDSGID'])
      expect(one(key)).toBe('yes');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('DevicePolicy')).toBe('closed');
    // The shutdown waits up to 10 s for open doors: systemd must wait longer before killing.
    expect(Number.parseInt(one('TimeoutStopSec') ?? '0', 10)).toBeGreaterThan(10);
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('passes systemd-analyze verify', () => {
    // verify exits 0 on directives it ignores; what it says on stderr is the verdict.
    const run = spawnSync('systemd-analyze', ['verify', FILE], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
