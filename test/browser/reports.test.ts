import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations, consoleSuite, dropOff, SLOW, signInOnPad } from './console-steps';
import { haveChromium, STAFF } from './harness';
import { loadResult } from './kiosk-steps';

describe.skipIf(!haveChromium())('supervisors’ reports in Chromium', { timeout: 120_000 }, () => {
  const { kiosk, open } = consoleSuite();

  /** A dossier's whole life: dropped off, collected, its result loaded, then picked up by its QR. */
  async function pickedUp(): Promise<void> {
    const dossier = await dropOff(kiosk, 'HKD-01', '0903111222');
    const loaded = await loadResult(kiosk, dossier.receiptNo);
    const pickup = await kiosk.api('POST', '/pickups', { qr: dossier.qrPayload });
    expect(pickup.status, JSON.stringify(pickup.json)).toBe(201);
    await kiosk.sim(loaded.door, 'take_item');
    await kiosk.sim(loaded.door, 'close');
    const done = await kiosk.api('GET', `/pickups/${pickup.json.ticket}?waitMs=5000`);
    expect(done.json.status).toBe('picked_up');
  }

  it('shows the month’s figures with charts, prints without the controls, and downloads the CSV', async () => {
    await dropOff(kiosk);
    await dropOff(kiosk, 'CT-01', '0912345678');
    await pickedUp();
    const page = await open('/staff#reports');
    await signInOnPad(page, STAFF);
    await page.waitForSelector('#report-title');
    const month = await page.inputValue('#report-month');
    const token = await kiosk.signIn(STAFF);
    const figures = (await kiosk.api('GET', `/staff/reports/${month}`, undefined, token)).json;
    expect(figures).toMatchObject({ received: 3, pickedUp: 1 });
    await expect.poll(() => page.textContent('[data-figure="received"] .value'), SLOW).toBe('3');
    expect(await page.textContent('[data-figure="pickedUp"] .value')).toBe('1');
    // The result waited seconds, not days, and the door held it briefly: both are shown, rounded.
    expect(figures.avgDaysReadyToPickup).toBeGreaterThan(0);
    expect(figures.avgDaysReadyToPickup).toBeLessThan(0.05);
    expect(await page.textContent('[data-figure="avgDaysReadyToPickup"] .value')).toBe('0 ngày');
    expect(await page.textContent('[data-figure="avgDaysDropOffToPickup"] .value')).toBe('0 ngày');
    expect(figures.doorOccupancy).toBeGreaterThan(0);
    expect(await page.textContent('[data-figure="doorOccupancy"] .value')).toMatch(/^\d+(,\d)? %$/);
    expect(await page.textContent('.definitions')).toContain(`(${figures.doors})`);

    expect(await page.locator('#report svg.chart').count()).toBe(6);
    // In and out per day: a pair of bars for every day of the month, drawn only on today's.
    const days = figures.days as { date: string; received: number; pickedUp: number }[];
    const today = days.findIndex((d) => d.received > 0);
    expect(days[today]).toMatchObject({ received: 3, pickedUp: 1 });
    const bars = await page.$$eval('#report [data-chart="days"] rect[data-series]', (rects) =>
      rects.map((r) => ({
        series: Number(r.getAttribute('data-series')),
        index: Number(r.getAttribute('data-index')),
        height: Number(r.getAttribute('height')),
      })),
    );
    expect(bars).toHaveLength(2 * days.length);
    const drawn = bars.filter((b) => b.height > 0);
    expect(drawn.map((b) => [b.series, b.index])).toEqual([
      [0, today],
      [1, today],
    ]);
    // Three in and one out: the "in" bar is three times the "out" bar.
    expect(drawn[0]!.height / drawn[1]!.height).toBeCloseTo(3, 5);
    // The six months: this month's "in" bar is the last and the tallest.
    const monthBars = await page.$$eval('#report [data-chart="months"] rect[data-series="0"]', (rects) =>
      rects.map((r) => Number(r.getAttribute('data-value'))),
    );
    expect(monthBars).toEqual([0, 0, 0, 0, 0, 3]);

    // The share of each procedure, by its Vietnamese name, most dossiers first.
    const procedures = figures.procedures as {
      code: string;
      nameVi: string;
      nameEn: string;
      share: number;
    }[];
    expect(procedures.map((p) => [p.code, p.share])).toEqual([
      ['HKD-01', 2 / 3],
      ['CT-01', 1 / 3],
    ]);
    const shareChart = page.locator('#report [data-chart="procedures"]');
    const shares = await shareChart.locator('rect[data-share]').evaluateAll((rects) =>
      rects.map((r) => ({
        share: Number(r.getAttribute('data-share')),
        width: Number(r.getAttribute('width')),
      })),
    );
    expect(shares.map((s) => s.share)).toEqual([2 / 3, 1 / 3]);
    expect(shares[0]!.width / shares[1]!.width).toBeCloseTo(2, 5);
    const shareText = await shareChart.textContent();
    expect(shareText).toContain(procedures[0]!.nameVi);
    expect(shareText).toContain('2 hồ sơ (66,7 %)');
    expect(shareText).toContain(procedures[1]!.nameVi);

    expect(await axeViolations(page)).toEqual([]);
    await kiosk.screenshot(page, 'staff-reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
    expect(download.suggestedFilename()).toBe(`report-${month}.csv`);
    const [head, row, , dayHead, ...rest] = readFileSync((await download.path())!, 'utf8').split('\r\n');
    const header = head!.split(',');
    const values = row!.split(',');
    expect(header.slice(0, 3)).toEqual(['from', 'to', 'received']);
    expect(values[header.indexOf('received')]).toBe('3');
    // The month is still running: the same door-time over a little more time gone.
    const occupancy = Number(values[header.indexOf('doorOccupancy')]);
    expect(occupancy).toBeLessThanOrEqual(figures.doorOccupancy);
    expect(occupancy).toBeGreaterThan(figures.doorOccupancy * 0.99);
    expect(dayHead).toBe('date,received,pickedUp');
    expect(rest).toContain(`${days[today]!.date},3,1`);
    expect(rest).toContain(`HKD-01,${procedures[0]!.nameVi},${procedures[0]!.nameEn},2,${2 / 3}`);

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#tabs')).toBe(false);
    expect(await page.isVisible('#report-csv')).toBe(false);
    expect(await page.isVisible('#report-title')).toBe(true);
    for (const chart of ['days', 'procedures', 'months']) {
      expect(await page.isVisible(`#report [data-chart="${chart}"] svg`)).toBe(true);
    }
    expect(await page.isVisible('[data-figure="doorOccupancy"]')).toBe(true);
    expect(await page.isVisible('.definitions')).toBe(true);
    await kiosk.screenshot(page, 'staff-reports-print');
    await page.emulateMedia({ media: 'screen' });

    // In English, the procedures go by their English names.
    await page.click('#lang');
    await expect
      .poll(() => page.textContent('#report [data-chart="procedures"]'), SLOW)
      .toContain(procedures[0]!.nameEn);
    expect(await page.textContent('#report [data-chart="procedures"]')).toContain('2 dossiers (66.7 %)');
  });
});
