import { afterEach, describe, expect, it } from 'vitest';
import { at, seedNovember } from '../store/report-month';
import { type Kiosk, startKiosk } from './harness';

/** The month's report over HTTP, on November's known dossiers (test/store/report-month.ts). */
let kiosk: Kiosk | null = null;
afterEach(async () => {
  await kiosk?.dispose();
  kiosk = null;
});

async function november(now: string) {
  kiosk = await startKiosk();
  seedNovember(kiosk.store);
  kiosk.now.ms = at(now);
  const headers = await kiosk.signIn('supervisor');
  const get = (url: string) =>
    kiosk!.app.inject({ method: 'GET', url: `/api/v1/staff/reports/${url}`, headers });
  return { get };
}

describe("a month's report over HTTP", () => {
  it('every day of the month, the share of each procedure, days to pickup and door occupancy', async () => {
    const { get } = await november('2026-12-05T10:00:00');
    const reply = await get('2026-11');
    expect(reply.statusCode).toBe(200);
    const f = reply.json();
    expect(f).toMatchObject({ from: '2026-11-01', to: '2026-11-30', received: 7, pickedUp: 4, doors: 6 });
    expect(f.avgDaysReadyToPickup).toBeCloseTo(1.25, 9);
    expect(f.avgDaysDropOffToPickup).toBeCloseTo(5.25, 9);
    // 612 door-hours held, over the harness's 6 doors through 30 days of 24 hours.
    expect(f.doorOccupancy).toBeCloseTo(612 / (6 * 30 * 24), 9);
    expect(f.days).toHaveLength(30);
    expect(f.days[0]).toEqual({ date: '2026-11-01', received: 1, pickedUp: 0 });
    expect(f.days[1]).toEqual({ date: '2026-11-02', received: 2, pickedUp: 1 });
    expect(f.days[6]).toEqual({ date: '2026-11-07', received: 0, pickedUp: 0 });
    expect(f.days[29]).toEqual({ date: '2026-11-30', received: 1, pickedUp: 0 });
    expect(f.days.reduce((n: number, d: { received: number }) => n + d.received, 0)).toBe(7);
    expect(f.procedures).toEqual([
      { code: 'KS.01', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', received: 4, share: 4 / 7 },
      {
        code: 'HT.01',
        nameVi: 'Đăng ký hộ kinh doanh',
        nameEn: 'Household business registration',
        received: 3,
        share: 3 / 7,
      },
    ]);
  });

  it('a month still running is measured against the days gone', async () => {
    const { get } = await november('2026-11-16T00:00:00');
    // 612 door-hours over 6 doors through the 15 days gone.
    expect((await get('2026-11')).json().doorOccupancy).toBeCloseTo(612 / (6 * 15 * 24), 9);
    // A month not begun has no time gone to measure against.
    expect((await get('2026-12')).json().doorOccupancy).toBeNull();
  });

  it('the CSV carries the figures row, a row per day and a row per procedure', async () => {
    const { get } = await november('2026-12-05T10:00:00');
    const csv = await get('2026-11/csv');
    const [figures, days, procedures] = csv.body
      .trimEnd()
      .split('\r\n\r\n')
      .map((s) => s.split('\r\n'));
    const head = figures![0]!.split(',');
    const row = figures![1]!.split(',');
    expect(row[head.indexOf('received')]).toBe('7');
    expect(row[head.indexOf('avgDaysReadyToPickup')]).toBe('1.25');
    expect(row[head.indexOf('avgDaysDropOffToPickup')]).toBe('5.25');
    expect(Number(row[head.indexOf('doorOccupancy')])).toBeCloseTo(612 / 4320, 9);
    expect(days![0]).toBe('date,received,pickedUp');
    expect(days).toHaveLength(31);
    expect(days![2]).toBe('2026-11-02,2,1');
    expect(procedures![0]).toBe('procedure,nameVi,nameEn,received,share');
    expect(procedures![1]).toBe(`KS.01,Đăng ký khai sinh,Birth registration,4,${4 / 7}`);
  });
});
