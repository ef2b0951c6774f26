import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, dropOff, signInOnPad } from './console-steps';
import { haveChromium, type KioskUnderTest, STAFF, startKiosk } from './harness';

const SLOW = { timeout: 15_000 };

describe.skipIf(!haveChromium())('supervisors’ reports in Chromium', { timeout: 120_000 }, () => {
  let kiosk: KioskUnderTest;
  beforeAll(async () => {
    kiosk = await startKiosk();
  }, 90_000);
  afterAll(async () => kiosk?.close());
  // One page at a time: a page left open keeps reading on every door event, against the
  // account's request limit.
  let last: import('playwright-core').Page | null = null;
  const open = async (path: string) => {
    await last?.context().close();
    last = await kiosk.newPage(path);
    return last;
  };

  it('shows the month’s figures with charts, prints without the controls, and downloads the CSV', async () => {
    await dropOff(kiosk);
    await dropOff(kiosk, 'CT-01', '0912345678');
    const page = await open('/staff#reports');
    await signInOnPad(page, STAFF);
    await page.waitForSelector('#report-title');
    const month = await page.inputValue('#report-month');
    const token = await kiosk.signIn(STAFF);
    const figures = (await kiosk.api('GET', `/staff/reports/${month}`, undefined, token)).json;
    expect(figures.received).toBe(2);
    await expect.poll(() => page.textContent('[data-figure="received"] .value'), SLOW).toBe('2');
    expect(await page.locator('#report svg.chart').count()).toBe(4);
    // The month's "in" bar is drawn, and says its value.
    expect(await page.textContent('#report svg.chart >> nth=0')).toContain('2');
    const heights = await page.$$eval('#report svg.chart >> nth=0', (svgs) =>
      [...(svgs[0]?.querySelectorAll('rect[height]') ?? [])].map((r) => Number(r.getAttribute('height'))),
    );
    expect(Math.max(...heights)).toBeGreaterThan(50);
    expect(await axeViolations(page)).toEqual([]);
    await kiosk.screenshot(page, 'staff-reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
    expect(download.suggestedFilename()).toBe(`report-${month}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    const header = csv[0]!.split(',');
    const row = csv[1]!.split(',');
    expect(header.slice(0, 3)).toEqual(['from', 'to', 'received']);
    expect(row[header.indexOf('received')]).toBe(String(figures.received));

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#tabs')).toBe(false);
    expect(await page.isVisible('#report-csv')).toBe(false);
    expect(await page.isVisible('#report-title')).toBe(true);
    await kiosk.screenshot(page, 'staff-reports-print');
  });
});
