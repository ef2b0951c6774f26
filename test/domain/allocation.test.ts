import { describe, expect, it } from 'vitest';
import { allocateDoor, type DoorSize, type DoorStatus } from '../../src/domain/allocation';

const door = (
  doorId: string,
  size: DoorSize,
  position: number,
  over: Partial<DoorStatus> = {},
): DoorStatus => ({
  doorId,
  size,
  position,
  inService: true,
  assigned: false,
  unsettledOperation: false,
  itemPresent: null,
  open: false,
  ...over,
});

describe('door allocation', () => {
  it('gives the smallest door that fits, lowest position first', () => {
    const bank = [door('L1', 'L', 1), door('M2', 'M', 5), door('M1', 'M', 2), door('S1', 'S', 9)];
    expect(allocateDoor(bank, 'S')).toMatchObject({ door: { doorId: 'S1' }, upsized: false });
    expect(allocateDoor(bank, 'M')).toMatchObject({ door: { doorId: 'M1' }, upsized: false });
    expect(allocateDoor(bank, 'L')).toMatchObject({ door: { doorId: 'L1' }, upsized: false });
  });

  it('a dossier needing M takes L when no M is free, never S', () => {
    const bank = [door('S1', 'S', 1), door('M1', 'M', 2, { assigned: true }), door('L1', 'L', 3)];
    expect(allocateDoor(bank, 'M')).toMatchObject({ door: { doorId: 'L1' }, upsized: true });
  });

  it('never gives a door that holds something, is taken, unsettled, open or out of service', () => {
    const bank = [
      door('a', 'S', 1, { assigned: true }),
      door('b', 'S', 2, { unsettledOperation: true }),
      door('c', 'S', 3, { inService: false }),
      door('d', 'S', 4, { itemPresent: true }),
      door('e', 'S', 5, { open: true }),
      door('f', 'S', 6),
    ];
    expect(allocateDoor(bank, 'S')).toMatchObject({ door: { doorId: 'f' } });
    expect(allocateDoor(bank.slice(0, 5), 'S')).toEqual({ door: null, reason: 'all_in_use' });
  });

  it('says why there is no door', () => {
    expect(allocateDoor([door('s', 'S', 1)], 'M')).toEqual({ door: null, reason: 'no_door_fits' });
    expect(allocateDoor([door('m', 'M', 1, { inService: false })], 'S')).toEqual({
      door: null,
      reason: 'all_out_of_service',
    });
    expect(allocateDoor([], 'S')).toEqual({ door: null, reason: 'no_door_fits' });
  });

  it('the choice does not depend on the order the doors are listed in', () => {
    const bank = [
      door('x', 'M', 3),
      door('y', 'M', 3),
      door('z', 'M', 1, { assigned: true }),
      door('w', 'L', 0),
    ];
    const first = allocateDoor(bank, 'M');
    expect(allocateDoor([...bank].reverse(), 'M')).toEqual(first);
    expect(first).toMatchObject({ door: { doorId: 'x' } });
  });
});
