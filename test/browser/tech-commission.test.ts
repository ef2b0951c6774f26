import { describe, expect, it } from 'vitest';
import { axeViolations, SLOW, signInOnPad } from './console-steps';
import { haveChromium, kioskForSuite, TECHNICIAN } from './harness';

describe.skipIf(!haveChromium())(
  'the commissioning probe on the technician console',
  { timeout: 120_000 },
  () => {
    // The demo's bank on a simulated Kerong CU16 board pair (boards 0 and 1, 16 locks each).
    const kiosk = kioskForSuite({
      configure: (doc) => {
        doc.buses = [{ name: 'demo', dialect: 'kerong', connection: 'embedded' }];
      },
    });

    it('asks for the premise, probes the bank and shows which polarity and layout fit, in both languages', async () => {
      const token = await kiosk.signIn(TECHNICIAN);
      const page = await kiosk.newPage('/tech');
      await signInOnPad(page, TECHNICIAN);
      await page.waitForSelector('#commission-0');

      await page.click('#commission-0');
      await expect.poll(() => page.getAttribute('#commission-notice', 'class'), SLOW).toContain('error');
      expect(await page.textContent('#commission-notice')).toContain('xác nhận');
      expect(await page.$('#commission-result *')).toBeNull();

      await page.check('#commission-confirm');
      await page.click('#commission-0');
      await page.waitForSelector('#commission-confidence', SLOW);
      expect(await page.getAttribute('#commission-confidence', 'data-confidence')).toBe('high');
      expect(await page.textContent('#commission-hook')).toBe('Công tắc khoá: bit 1 = đã khoá (cửa đóng)');
      expect(await page.textContent('#commission-layout')).toContain('thông thường');
      expect(JSON.parse((await page.textContent('#commission-overrides')) ?? '')).toEqual({
        hookActiveHigh: true,
        infraredActiveHigh: true,
      });
      expect(await page.locator('#commission-boards > li').allTextContents()).toEqual([
        expect.stringMatching(/^Bo 0: trả lời \(CMD 0x3[05]\)/),
        expect.stringMatching(/^Bo 1: trả lời \(CMD 0x3[05]\)/),
      ]);
      expect(await page.textContent('#commission-notice')).toBe('Đã dò xong dãy tủ 0.');
      expect(await axeViolations(page)).toEqual([]);
      await kiosk.screenshot(page, 'tech-commission');

      // The bank's own link is back, and the probe opened no door.
      await expect
        .poll(async () => (await kiosk.api('GET', '/tech/links', undefined, token)).json.banks[0].state, SLOW)
        .toBe('ready');
      const lockers = (await kiosk.api('GET', '/tech/lockers', undefined, token)).json.lockers;
      expect(lockers.filter((l: { reading: { open: boolean } | null }) => l.reading?.open)).toEqual([]);
      expect((await kiosk.api('GET', '/tech/incidents', undefined, token)).json.incidents).toEqual([]);

      await page.click('#lang');
      await expect.poll(() => page.textContent('#commission-confidence'), SLOW).toMatch(/^Confidence: high/);
      expect(await page.textContent('#commission-hook')).toBe('Lock hook: bit 1 = engaged (door shut)');
      await page.click('#lang');
      await page.context().close();
    });
  },
);
