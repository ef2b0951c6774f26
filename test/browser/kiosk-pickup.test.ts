import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haveChromium, kioskForSuite } from './harness';
import { dropOffByTouch, loadResult, onScreen, Taps } from './kiosk-steps';

/** Waits until the screen has been shown `n` times in all (the page's own marks). */
async function waitForVisits(page: Page, screen: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([name, count]) =>
      (window as unknown as { kioskMarks: { screen: string }[] }).kioskMarks.filter((m) => m.screen === name)
        .length >= (count as number),
    [screen, n] as const,
  );
}

describe.skipIf(!haveChromium())('kiosk pickup in a real browser', { timeout: 120_000 }, () => {
  const kiosk = kioskForSuite();

  /** A dossier dropped off at the screen whose result staff have loaded. */
  async function readyResult(name: string, phone: string, procedure = 'HKD-01') {
    const page = await kiosk.newPage('/');
    const dropped = await dropOffByTouch(kiosk, new Taps(page), { procedure, name, phone });
    await page.context().close();
    const loaded = await loadResult(kiosk, dropped.receiptDigits);
    return { ...dropped, ...loaded };
  }

  async function typeReceiptAndCode(taps: Taps, receipt: string, code: string, shot?: string) {
    await taps.tap('#start-pickup');
    await onScreen(taps.page, 'pickup-receipt');
    for (const d of receipt) await taps.key(d);
    if (shot) await kiosk.screenshot(taps.page, `${shot}-receipt`);
    await taps.tap('#next');
    await onScreen(taps.page, 'pickup-code');
    for (const d of code) await taps.key(d);
    await taps.tap('#next');
  }

  it('picks a result up by touch alone in Vietnamese: receipt, code, door, rating', async () => {
    const ready = await readyResult('Trần Văn Bình', '0901000111');
    const page = await kiosk.newPage('/');
    const taps = new Taps(page);
    await onScreen(page, 'home');
    await typeReceiptAndCode(taps, ready.receiptDigits, ready.code, 'kiosk-vi-pickup');
    await onScreen(page, 'pickup-door');
    expect(Number(await page.textContent('#door-number'))).toBe(ready.door);
    await kiosk.screenshot(page, 'kiosk-vi-pickup-door');
    expect(await kiosk.axe(page)).toEqual([]);
    await kiosk.sim(ready.door, 'take_item');
    await kiosk.sim(ready.door, 'close');
    await onScreen(page, 'rating');
    await kiosk.screenshot(page, 'kiosk-vi-rating');
    expect(await kiosk.axe(page)).toEqual([]);
    await taps.tap('[data-rating="5"]');
    await onScreen(page, 'thanks');
    expect(await page.textContent('h1')).toBe('Cảm ơn quý khách!');
  });

  it('picks a result up in English, asking the last phone digits for a sensitive procedure', async () => {
    const ready = await readyResult('Phạm Thu Hà', '0902333444', 'KS-01');
    const page = await kiosk.newPage('/');
    const taps = new Taps(page);
    await onScreen(page, 'home');
    await taps.tap('#lang');
    await typeReceiptAndCode(taps, ready.receiptDigits, ready.code);
    await onScreen(page, 'pickup-second');
    expect(await page.textContent('h1')).toBe('One more check');
    for (const d of '3444') await taps.key(d);
    await taps.tap('#next');
    await onScreen(page, 'pickup-door');
    expect(await page.textContent('h1')).toBe('Please take your result');
    await kiosk.sim(ready.door, 'take_item');
    await kiosk.sim(ready.door, 'close');
    await onScreen(page, 'rating');
    await taps.tap('[data-rating="4"]');
    await onScreen(page, 'thanks');
    expect(await page.textContent('h1')).toBe('Thank you!');
  });

  it('explains a wrong code in plain words, and a typed code locked after five', async () => {
    const ready = await readyResult('Võ Thị Lan', '0903555666');
    const page = await kiosk.newPage('/');
    const taps = new Taps(page);
    await onScreen(page, 'home');
    const wrong = ready.code === '11111111' ? '22222222' : '11111111';
    await typeReceiptAndCode(taps, ready.receiptDigits, wrong);
    await onScreen(page, 'pickup-code');
    const notice = await page.textContent('[role="alert"]');
    expect(notice).toContain('mã nhận kết quả không đúng');
    expect(notice).not.toMatch(/wrong_code|403|error/i);
    await kiosk.screenshot(page, 'kiosk-vi-wrong-code');
    expect(await kiosk.axe(page)).toEqual([]);
    for (let i = 2; i <= 5; i++) {
      for (const d of wrong) await taps.key(d);
      await taps.tap('#next');
      await waitForVisits(page, 'opening', i);
      await page.waitForSelector('body:not([data-screen="opening"])');
      await onScreen(page, 'pickup-code');
      expect(await page.textContent('[role="alert"]')).toContain('mã nhận kết quả không đúng');
    }
    // Five wrong codes lock the typed code: even the right one is refused now, in plain words that
    // point at the receipt's QR, which still works.
    for (const d of ready.code) await taps.key(d);
    await taps.tap('#next');
    await onScreen(page, 'sorry');
    const message = await page.textContent('.message');
    expect(message).toContain('Mã nhận kết quả của hồ sơ đã bị khóa');
    expect(message).toContain('quét mã QR');
    expect(message).toContain('liên hệ bộ phận một cửa');
    await kiosk.screenshot(page, 'kiosk-vi-locked');
    expect(await kiosk.axe(page)).toEqual([]);
    await taps.tap('#home');
    await onScreen(page, 'home');
  });

  it('starts a pickup from a receipt QR typed by the scanner anywhere on the page', async () => {
    const ready = await readyResult('Đỗ Minh', '0904777888');
    expect(ready.qrPayload).toMatch(/^DL1\./);
    const page = await kiosk.newPage('/');
    await onScreen(page, 'home');
    const qr = ready.qrPayload;
    await page.keyboard.type(qr, { delay: 0 });
    await page.keyboard.press('Enter');
    await onScreen(page, 'pickup-door');
    expect(Number(await page.textContent('#door-number'))).toBe(ready.door);
  });
});
