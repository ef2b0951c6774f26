import { describe, expect, it } from 'vitest';
import { dropOff, refusalOf } from './flows';
import { CITIZEN, rigPerTest } from './harness';

const start = rigPerTest();

describe("the technician's operations", { timeout: 30_000 }, () => {
  it('maintenance stops the citizen flows and is announced to the screen at once', async () => {
    const k = await start();
    const { technician, dropOffs, status } = k.kiosk;
    expect(technician.setMaintenance(true, 'technician1')).toBe(true);
    expect(k.published).toContainEqual({ type: 'maintenance', on: true });
    expect(status.now()).toMatchObject({ inService: false, maintenance: true });
    expect(await refusalOf(() => dropOffs.start(CITIZEN))).toBe('kiosk_maintenance');
    expect(technician.setMaintenance(false, 'technician1')).toBe(false);
    expect(status.now()).toMatchObject({ inService: true, freeDoors: { S: 3, M: 2, L: 1 } });
  });

  it('opening an unknown door is not found, and nothing fires; a known one is audited by the ledger', async () => {
    const k = await start();
    const { technician } = k.kiosk;
    expect(await refusalOf(() => technician.openDoor(99, 'check', 'technician1'))).toBe('not_found');
    expect(k.sim.fires.length).toBe(0);
    expect(await technician.openDoor(2, 'check', 'technician1')).toMatchObject({ door: 2, dossierId: null });
    expect(technician.history(2).operations).toEqual([
      expect.objectContaining({ purpose: expect.any(String), actor: 'technician:technician1' }),
    ]);
  });

  it('a door goes out of service only with a reason, and a settle names a real state', async () => {
    const k = await start();
    const { technician } = k.kiosk;
    expect(await refusalOf(() => technician.setInService(1, false, null, 'technician1'))).toBe('bad_request');
    technician.setInService(1, false, 'hinge', 'technician1');
    expect(technician.lockers().find((l) => l.lockerId === 1)).toMatchObject({
      inService: false,
      outOfServiceReason: 'hinge',
    });
    const dropped = await dropOff(k);
    expect(await refusalOf(() => technician.settle(dropped.dossierId, 'vanished', 'technician1'))).toBe(
      'bad_request',
    );
  });

  it('bulk open needs the current presence code and takes every slot of the opens cap up front', async () => {
    const k = await start({ config: { opensPerMinute: 4, presenceCodeRotateMs: 60_000 } });
    const { bulkOpen, presenceCode } = k.kiosk;
    const { code } = presenceCode.current();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const request = { reason: 'end of day check', lockerIds: [1, 2, 2, 3] };
    expect(await refusalOf(() => bulkOpen({ ...request, presenceCode: wrong }, 'technician1'))).toBe(
      'presence_code_wrong',
    );
    expect(await refusalOf(() => bulkOpen({ ...request, lockerIds: [1, 99], presenceCode: code }, 't'))).toBe(
      'not_found',
    );
    expect(k.sim.fires.length).toBe(0);
    const results = await bulkOpen({ ...request, presenceCode: code }, 'technician1');
    expect(results.map((r) => [r.door, r.ok])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    // One slot left: two doors at once do not fit, and none of them fires.
    expect(await refusalOf(() => bulkOpen({ ...request, lockerIds: [4, 5], presenceCode: code }, 't'))).toBe(
      'opens_capped',
    );
    expect(k.sim.fires.length).toBe(3);
    // Two periods on (the injected clock), the code read earlier no longer opens anything.
    k.now.ms += 120_000;
    if (presenceCode.current().code !== code) {
      expect(await refusalOf(() => bulkOpen({ ...request, presenceCode: code }, 'technician1'))).toBe(
        'presence_code_wrong',
      );
    }
  });

  it('a backup is refused when no backup place is configured, and audited when taken', async () => {
    const none = await start();
    expect(await refusalOf(() => none.kiosk.technician.backup('technician1'))).toBe('backup_unavailable');
    const k = await start({ backup: true });
    const taken = await k.kiosk.technician.backup('technician1');
    expect(taken.bytes).toBeGreaterThan(0);
    expect(k.store.audit.list(0, 1000).filter((a) => a.action === 'store.backup')).toEqual([
      expect.objectContaining({ actor: 'technician:technician1' }),
    ]);
  });
});
