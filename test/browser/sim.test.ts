import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, consoleSuite, lockerView, SLOW, signInOnPad } from './console-steps';
import { haveChromium, STAFF, TECHNICIAN } from './harness';

describe.skipIf(!haveChromium())('simulator panel in Chromium', { timeout: 120_000 }, () => {
  const { kiosk, open } = consoleSuite();
  let tech: string;
  beforeAll(async () => {
    tech = await kiosk.signIn(TECHNICIAN);
  });

  const card = (door: number) => `#sim-doors [data-locker="${door}"]`;

  it('plays the hands of a drop-off, and a scanned receipt opens the result door', async () => {
    const page = await open('/sim');
    await signInOnPad(page, TECHNICIAN);
    await page.waitForSelector('#sim-doors .sim-door');
    expect(await axeViolations(page)).toEqual([]);

    const start = await kiosk.api('POST', '/dropoffs', {
      procedureCode: 'HKD-01',
      name: 'Lê Thị Cúc',
      phone: '0909123456',
    });
    expect(start.status).toBe(201);
    const { ticket, door } = start.json;
    await expect.poll(() => page.getAttribute(card(door), 'class'), SLOW).toContain('is-open');
    await kiosk.screenshot(page, 'sim-door-open');
    await page.click(`${card(door)} [data-action="put_item"]`);
    await page.click(`${card(door)} [data-action="close"]`);
    const done = await kiosk.api('GET', `/dropoffs/${ticket}?waitMs=10000`);
    expect(done.json.status).toBe('deposited');
    await expect.poll(() => page.getAttribute(card(door), 'class'), SLOW).not.toContain('is-open');

    // Staff collect and load the result through the API, the hands still on the panel.
    const staff = await kiosk.signIn(STAFF);
    const dossierId = (await kiosk.api('GET', '/staff/deposited', undefined, staff)).json.items[0].dossierId;
    const collect = await kiosk.api('POST', `/staff/dossiers/${dossierId}/collect`, undefined, staff);
    expect(collect.status).toBe(200);
    await page.click(`${card(collect.json.door)} [data-action="take_item"]`);
    await page.click(`${card(collect.json.door)} [data-action="close"]`);
    await expect
      .poll(async () => {
        const r = await kiosk.api(
          'POST',
          `/staff/dossiers/${dossierId}/collected`,
          { externalCode: 'MC-9' },
          staff,
        );
        return r.status;
      }, SLOW)
      .toBe(200);
    const load = await kiosk.api('POST', `/staff/dossiers/${dossierId}/load`, undefined, staff);
    await page.click(`${card(load.json.door)} [data-action="put_item"]`);
    await page.click(`${card(load.json.door)} [data-action="close"]`);
    await expect
      .poll(async () => (await lockerView(kiosk, tech, load.json.door)).reading.open, SLOW)
      .toBe(false);

    await page.fill('#sim-scan', done.json.receipt.qrPayload);
    await page.click('#sim-scan-submit');
    await expect
      .poll(async () => (await lockerView(kiosk, tech, load.json.door)).reading.open, SLOW)
      .toBe(true);
    await expect.poll(() => page.getAttribute(card(load.json.door), 'class'), SLOW).toContain('is-open');
  });

  it('cuts and restores the link, and jams a lock', async () => {
    const page = await open('/sim');
    await signInOnPad(page, TECHNICIAN);
    await page.waitForSelector('#link-0');
    await page.click('#link-0');
    await expect.poll(async () => (await kiosk.api('GET', '/kiosk/status')).json.linkDown, SLOW).toBe(true);
    await expect.poll(() => page.textContent('#sim-links'), SLOW).toContain('mất kết nối');
    await kiosk.screenshot(page, 'sim-link-cut');
    await page.click('#link-0');
    await expect.poll(async () => (await kiosk.api('GET', '/kiosk/status')).json.linkDown, SLOW).toBe(false);

    await page.click(`${card(3)} [data-action="jam"]`);
    await expect.poll(() => page.getAttribute(card(3), 'class'), SLOW).toContain('is-jammed');
    const opened = await kiosk.api('POST', '/tech/lockers/3/open', { reason: 'thử' }, tech);
    expect(opened.json.error.code).toBe('door_jammed');
    await page.click(`${card(3)} [data-action="unjam"]`);
    await expect.poll(() => page.getAttribute(card(3), 'class'), SLOW).not.toContain('is-jammed');
  });
});
