import { describe, expect, it } from 'vitest';
import { haveChromium, kioskForSuite } from './harness';
import { dropOffByTouch, loadResult, onScreen, Taps } from './kiosk-steps';

/**
 * The kiosk's own scanner on a serial port (the demo's simulated one): the daemon acts on the
 * scan, and the screen follows over the live feed. The keyboard-wedge scanner, typing into the
 * page, is tested with the other pickups.
 */
describe.skipIf(!haveChromium())(
  "the kiosk's serial scanner, seen on the screen",
  { timeout: 120_000 },
  () => {
    const kiosk = kioskForSuite();

    async function readyResult(name: string, phone: string, procedure = 'HKD-01') {
      const page = await kiosk.newPage('/');
      const dropped = await dropOffByTouch(kiosk, new Taps(page), { procedure, name, phone });
      await page.context().close();
      return { ...dropped, ...(await loadResult(kiosk, dropped.receiptDigits)) };
    }

    const scan = async (payload: string) => {
      const r = await kiosk.api('POST', '/sim/scan', { payload });
      expect(r.status).toBe(200);
    };

    it('a scanned receipt shows its door, then the rating, with no tap before the rating', async () => {
      const ready = await readyResult('Hoàng Văn Nam', '0905111222');
      const page = await kiosk.newPage('/');
      const taps = new Taps(page);
      await onScreen(page, 'home');
      await scan(ready.qrPayload);
      await onScreen(page, 'pickup-door');
      expect(Number(await page.textContent('#door-number'))).toBe(ready.door);
      await kiosk.sim(ready.door, 'take_item');
      await kiosk.sim(ready.door, 'close');
      await onScreen(page, 'rating');
      await taps.tap('[data-rating="5"]');
      await onScreen(page, 'thanks');
      expect(taps.count).toBe(1);

      // Scanned again: the screen says why nothing opens, in plain words.
      await taps.tap('#home');
      await onScreen(page, 'home');
      await scan(ready.qrPayload);
      await onScreen(page, 'sorry');
      const message = await page.textContent('.message');
      expect(message).not.toMatch(/already_picked_up|409|error/i);
      expect(message!.length).toBeGreaterThan(20);
    });

    it('a sensitive procedure asks for the last phone digits on screen, and the door opens', async () => {
      const ready = await readyResult('Lý Thị Mai', '0906333444', 'KS-01');
      const page = await kiosk.newPage('/');
      const taps = new Taps(page);
      await onScreen(page, 'home');
      await scan(ready.qrPayload);
      await onScreen(page, 'pickup-second');
      for (const d of '3444') await taps.key(d);
      await taps.tap('#next');
      await onScreen(page, 'pickup-door');
      expect(Number(await page.textContent('#door-number'))).toBe(ready.door);
      await kiosk.sim(ready.door, 'take_item');
      await kiosk.sim(ready.door, 'close');
      await onScreen(page, 'rating');
    });

    it('a code that is not our receipt is explained in plain words', async () => {
      const page = await kiosk.newPage('/');
      await onScreen(page, 'home');
      await scan('https://dichvucong.gov.vn/p/home');
      await onScreen(page, 'sorry');
      expect(await page.textContent('.message')).toContain('không phải biên nhận');
    });
  },
);
