import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, consoleSuite, dropOff, lockerView, SLOW, signInOnPad } from './console-steps';
import { haveChromium, TECHNICIAN } from './harness';

describe.skipIf(!haveChromium())('technician console in Chromium', { timeout: 120_000 }, () => {
  const { kiosk, open } = consoleSuite();
  let token: string;
  beforeAll(async () => {
    token = await kiosk.signIn(TECHNICIAN);
  });

  const doorState = (page: import('playwright-core').Page, lockerId: number) =>
    page.getAttribute(`#bank [data-locker="${lockerId}"]`, 'data-state');

  it('draws the bank as it stands and opens a door with a reason, live from the door events', async () => {
    const page = await open('/tech');
    await signInOnPad(page, TECHNICIAN);
    await page.waitForSelector('#bank .door');
    const lockers = (await kiosk.api('GET', '/tech/lockers', undefined, token)).json.lockers;
    expect(await page.locator('#bank .door').count()).toBe(lockers.length);
    // Doors are drawn as tall as their size: an L door stands taller than an S door.
    const small = await page.locator('#bank [data-locker="1"]').boundingBox();
    const large = await page
      .locator(`#bank [data-locker="${lockers.find((l: { size: string }) => l.size === 'L').lockerId}"]`)
      .boundingBox();
    expect(large!.height).toBeGreaterThan(small!.height * 2);
    expect(await axeViolations(page)).toEqual([]);
    await kiosk.screenshot(page, 'tech-bank');

    await page.click('#bank [data-locker="5"]');
    await page.waitForSelector('#door-panel');
    await page.click('#door-open');
    await expect.poll(() => page.textContent('#door-notice'), SLOW).toMatch(/lý do/i);
    await page.fill('#door-reason', 'Kiểm tra cảm biến cửa');
    await page.click('#door-open');
    await expect.poll(() => page.textContent('#door-notice'), SLOW).toContain('Ô 5 đã mở');
    await expect.poll(() => doorState(page, 5), SLOW).toBe('open');
    // The history names the operation and who did it (the API keeps the reason in the audit log only).
    await expect.poll(() => page.textContent('#door-history'), SLOW).toContain('Kỹ thuật mở');
    expect(await page.textContent('#door-history')).toContain(`technician:${TECHNICIAN.accountId}`);
    await kiosk.screenshot(page, 'tech-door-open');
    await kiosk.sim(5, 'close');
    await expect.poll(() => doorState(page, 5), SLOW).toBe('free');
  });

  it('takes a door out of service with a reason and puts it back', async () => {
    const page = await open('/tech');
    await signInOnPad(page, TECHNICIAN);
    await page.click('#bank [data-locker="6"]');
    await page.fill('#door-reason', 'Bản lề gãy');
    await page.click('#door-service');
    await expect.poll(() => doorState(page, 6), SLOW).toBe('outOfService');
    expect(await lockerView(kiosk, token, 6)).toMatchObject({
      inService: false,
      outOfServiceReason: 'Bản lề gãy',
    });
    await expect.poll(() => page.textContent('#door-service'), SLOW).toContain('vào sử dụng lại');
    await kiosk.screenshot(page, 'tech-out-of-service');
    await page.click('#door-service');
    await expect.poll(() => doorState(page, 6), SLOW).toBe('free');
    expect(await lockerView(kiosk, token, 6)).toMatchObject({ inService: true });
  });

  it('a jammed lock is explained and drawn as jammed; maintenance mode is switched from the console', async () => {
    const page = await open('/tech');
    await signInOnPad(page, TECHNICIAN);
    await kiosk.sim(7, 'jam');
    await page.click('#bank [data-locker="7"]');
    await page.fill('#door-reason', 'Thử mở');
    await page.click('#door-open');
    await expect.poll(() => page.getAttribute('#door-notice', 'class'), SLOW).toContain('error');
    await expect.poll(() => doorState(page, 7), { timeout: 10_000 }).toBe('jammed');
    expect(await page.textContent('#incidents')).toContain('Kẹt khoá khi mở');
    await kiosk.sim(7, 'unjam');

    await page.click('#maintenance');
    await expect
      .poll(async () => (await kiosk.api('GET', '/kiosk/status')).json.maintenance, SLOW)
      .toBe(true);
    await expect.poll(() => page.getAttribute('#maintenance', 'aria-pressed'), SLOW).toBe('true');
    await kiosk.screenshot(page, 'tech-maintenance');
    await page.click('#maintenance');
    await expect
      .poll(async () => (await kiosk.api('GET', '/kiosk/status')).json.maintenance, SLOW)
      .toBe(false);
  });

  it('a door forced open puts its dossier under inspection, settled from the console', async () => {
    const dropped = await dropOff(kiosk);
    const page = await open('/tech');
    await signInOnPad(page, TECHNICIAN);
    await page.waitForSelector('#bank .door');
    await kiosk.sim(dropped.door, 'force_open');
    await expect.poll(() => page.textContent('#inspections'), SLOW).toContain(dropped.receiptNo);
    expect(await page.textContent('#incidents')).toContain('Cửa bị mở không theo lệnh');
    await kiosk.screenshot(page, 'tech-inspection');
    await kiosk.sim(dropped.door, 'close');
    await page.click('#inspections button:has-text("Hồ sơ vẫn trong ô")');
    await expect.poll(() => page.textContent('#inspections'), SLOW).not.toContain(dropped.receiptNo);
    const left = (await kiosk.api('GET', '/tech/inspections', undefined, token)).json.items;
    expect(left).toEqual([]);
  });

  it('opens several doors with the code on the kiosk screen, takes a backup, and speaks English', async () => {
    const page = await open('/tech');
    await signInOnPad(page, TECHNICIAN);
    await page.waitForSelector('#bulk-submit');
    const presence = await kiosk.api('GET', '/kiosk/presence-code');
    const wrong = presence.json.code === '000000' ? '111111' : '000000';
    await page.fill('#bulk-code', wrong);
    await page.fill('#bulk-reason', 'Vệ sinh tủ');
    await page.check('#bulk-8');
    await page.check('#bulk-9');
    await page.click('#bulk-submit');
    await expect.poll(() => page.getAttribute('#bulk-notice', 'class'), SLOW).toContain('error');
    await page.fill('#bulk-code', presence.json.code);
    await page.click('#bulk-submit');
    await expect.poll(() => page.textContent('#bulk-notice'), SLOW).toBe('Ô 8: đã mở · Ô 9: đã mở');
    await expect.poll(() => doorState(page, 8), SLOW).toBe('open');
    await kiosk.sim(8, 'close');
    await kiosk.sim(9, 'close');
    await expect.poll(() => doorState(page, 9), SLOW).toBe('free');

    await page.click('#backup');
    await expect.poll(() => page.textContent('#tools-notice'), SLOW).toMatch(/Đã sao lưu: .+ \(\d+ byte\)/);

    await page.click('#lang');
    await expect.poll(() => page.textContent('#bank-h'), SLOW).toBe('Lockers');
    expect(await page.textContent('#bank [data-locker="20"]')).toBe('Door 20Free');
    await kiosk.screenshot(page, 'tech-english');
    await page.click('#lang');
  });
});
