import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config';
import { NOT_CONFIGURED, seedFromConfig } from '../../src/daemon/seed';
import { openStore, type Store } from '../../src/store';
import { releasedAfterEach, tempDir } from '../support/release';

const ROOT = join(import.meta.dirname, '..', '..');
const later = releasedAfterEach();

function freshStore(): Store {
  const store = openStore(join(tempDir('seed-', later), 'ledger.db'));
  later(() => store.close());
  return store;
}

const demo = (): Config => loadConfig({ env: {}, cwd: ROOT });

describe('seeding the store from the configuration', () => {
  it('writes the doors, procedures and accounts of the file', () => {
    const s = freshStore();
    const report = seedFromConfig(s, demo(), 1000);
    expect(report).toEqual({
      lockers: 32,
      lockersRetired: 0,
      procedures: 5,
      proceduresRetired: 0,
      accountsCreated: 2,
    });
    expect(s.lockers.list()).toHaveLength(32);
    expect(s.lockers.get(32)).toMatchObject({
      board: 1,
      channel: 15,
      size: 'L',
      position: 32,
      inService: true,
    });
    expect(s.procedures.get('KS-01')).toMatchObject({
      nameVi: 'Đăng ký khai sinh',
      secondFactor: true,
      active: true,
    });
    expect(s.staff.list().map((a) => [a.id, a.role])).toEqual([
      ['kt.demo', 'technician'],
      ['nv.demo', 'staff'],
    ]);
  });

  it('is idempotent: a second start changes nothing and keeps a PIN changed at the kiosk', () => {
    const s = freshStore();
    seedFromConfig(s, demo(), 1000);
    s.write(() =>
      s.staff.setPinHash('nv.demo', 'scrypt$16384$8$1$changedsalt$changedhashchangedhashchanged'),
    );
    const auditBefore = s.audit.exportHead();
    const report = seedFromConfig(s, demo(), 2000);
    expect(report).toMatchObject({ lockersRetired: 0, proceduresRetired: 0, accountsCreated: 0 });
    expect(s.staff.get('nv.demo')?.pinHash).toContain('changedsalt');
    expect(s.lockers.list()).toHaveLength(32);
    expect(s.audit.exportHead()).toEqual(auditBefore);
  });

  it('retires doors and procedures the file no longer lists, and brings a door back when listed again', () => {
    const s = freshStore();
    const full = demo();
    seedFromConfig(s, full, 1000);
    const smaller: Config = {
      ...full,
      lockers: full.lockers.filter((l) => l.position <= 16),
      procedures: full.procedures.filter((p) => p.code !== 'XD-01'),
    };
    expect(seedFromConfig(s, smaller, 2000)).toMatchObject({ lockersRetired: 16, proceduresRetired: 1 });
    expect(s.lockers.get(17)).toMatchObject({ inService: false, outOfServiceReason: NOT_CONFIGURED });
    expect(s.procedures.get('XD-01')?.active).toBe(false);
    expect(s.lockers.listAvailable()).toHaveLength(16);

    s.write(() => s.lockers.setInService(3, false, 'broken hinge'));
    seedFromConfig(s, full, 3000);
    expect(s.lockers.get(17)).toMatchObject({ inService: true, outOfServiceReason: null });
    expect(s.lockers.get(3)).toMatchObject({ inService: false, outOfServiceReason: 'broken hinge' });
    expect(s.procedures.get('XD-01')?.active).toBe(true);
  });
});
