import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database';
import { tempDir } from './fixtures';
import { at, HOUR, NOVEMBER, seedNovember } from './report-month';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('reports-');
});
afterEach(() => tmp.cleanup());

const day = (n: number) => at(`2026-11-${String(n).padStart(2, '0')}T00:00:00`);

describe("a month's report from a ledger file of known dossiers", () => {
  it('counts in and out per local day, per procedure, and the days a result waited for its citizen', () => {
    const path = tmp.file('ledger.db');
    const first = openStore(path);
    seedNovember(first);
    first.close();
    // Read back from the file as the daemon would after a restart.
    const store = openStore(path);
    const f = store.reports.periodFigures(NOVEMBER.from, NOVEMBER.to);
    store.close();

    expect(f.received).toBe(7);
    expect(f.pickedUp).toBe(4);
    expect(f.cancelled).toBe(1);
    expect(f.reclaimed).toBe(1);
    expect(f.ratings).toBe(2);
    expect(f.ratingAverage).toBe(4.5);
    expect(f.avgDaysReadyToPickup).toBeCloseTo(1.25, 9);
    expect(f.avgDaysDropOffToPickup).toBeCloseTo(5.25, 9);
    expect(f.doorTimeHeldMs).toBe(612 * HOUR);
    // Days with nothing in or out are left out; 31 October 23:00 and 1 December 00:00 are not November's.
    expect(f.days).toEqual([
      { dayStart: day(1), received: 1, pickedUp: 0 },
      { dayStart: day(2), received: 2, pickedUp: 1 },
      { dayStart: day(3), received: 1, pickedUp: 0 },
      { dayStart: day(4), received: 0, pickedUp: 1 },
      { dayStart: day(5), received: 1, pickedUp: 0 },
      { dayStart: day(6), received: 0, pickedUp: 1 },
      { dayStart: day(12), received: 0, pickedUp: 1 },
      { dayStart: day(15), received: 1, pickedUp: 0 },
      { dayStart: day(30), received: 1, pickedUp: 0 },
    ]);
    expect(f.procedures).toEqual([
      { code: 'KS.01', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', received: 4 },
      {
        code: 'HT.01',
        nameVi: 'Đăng ký hộ kinh doanh',
        nameEn: 'Household business registration',
        received: 3,
      },
    ]);
  });

  it('a month with nothing closed has no averages, no door-time and no days', () => {
    const path = tmp.file('ledger.db');
    const store = openStore(path);
    seedNovember(store);
    const f = store.reports.periodFigures(at('2026-09-01T00:00:00'), at('2026-10-01T00:00:00'));
    store.close();
    expect(f).toMatchObject({
      received: 0,
      pickedUp: 0,
      avgDaysReadyToPickup: null,
      avgDaysDropOffToPickup: null,
      doorTimeHeldMs: 0,
      ratingAverage: null,
      days: [],
      procedures: [],
    });
  });
});
