import { describe, expect, it } from 'vitest';
import { hashPin } from '../../src/domain/staff-pin';
import { axeViolations, consoleSuite, dropOff, lockerView, SLOW, signInOnPad } from './console-steps';
import { type ApiReply, haveChromium, STAFF, TECHNICIAN } from './harness';

const LOCKED = { accountId: 'nv.locked', pin: '1111' };

/** Calls again until the daemon answers 200: the door operation before it is still settling. */
const answersOk = (call: () => Promise<ApiReply>) =>
  expect.poll(async () => (await call()).status, SLOW).toBe(200);

describe.skipIf(!haveChromium())('staff console in Chromium', { timeout: 120_000 }, () => {
  const { kiosk, open } = consoleSuite({
    configure: (doc) => {
      (doc.accounts as unknown[]).push({
        id: LOCKED.accountId,
        role: 'staff',
        pinHash: hashPin(LOCKED.pin),
      });
      // One wrong PIN locks at once: the pauses between earlier ones would need real seconds.
      (doc.http as Record<string, unknown>).loginLockout = { maxFailures: 1, lockMinutes: 15 };
    },
  });

  it('a wrong PIN is explained, and the lockout says what to do', async () => {
    const page = await open('/staff');
    await kiosk.screenshot(page, 'staff-signin');
    expect(await axeViolations(page)).toEqual([]);
    await signInOnPad(page, { accountId: LOCKED.accountId, pin: '9999' });
    await expect.poll(() => page.textContent('#signin-message'), SLOW).toMatch(/PIN|mã/i);
    await signInOnPad(page, { accountId: LOCKED.accountId, pin: '9999' });
    await expect.poll(() => page.textContent('#signin-message'), SLOW).toContain('kỹ thuật viên');
    await kiosk.screenshot(page, 'staff-signin-locked');
    // The right PIN is refused as well until the lock lifts.
    await signInOnPad(page, LOCKED);
    await expect.poll(() => page.textContent('#signin-message'), SLOW).toContain('kỹ thuật viên');
    expect(await page.$('#tab-collect')).toBeNull();
  });

  it('collects deposited dossiers door by door, then loads the result and the citizen gets that door', async () => {
    const first = await dropOff(kiosk);
    const second = await dropOff(kiosk, 'CT-01', '0912345678');
    const page = await open('/staff');
    await signInOnPad(page, STAFF);
    await page.waitForSelector('#deposited table');
    expect(await page.locator('#deposited tbody tr').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await kiosk.screenshot(page, 'staff-collect-list');

    await page.click(`#deposited tr:has-text("${first.receiptNo}") button.open-door`);
    await page.waitForSelector('#collect-instruction');
    expect(await page.textContent('.big-door')).toBe(String(first.door));
    await kiosk.sim(first.door, 'take_item');
    await kiosk.sim(first.door, 'close');
    await expect.poll(() => page.textContent('#collect-door-state'), SLOW).toContain(`${first.door}`);
    await kiosk.screenshot(page, 'staff-collect-open');
    await page.fill('#collect-code', 'MC-2026-000777');
    await page.click('#collect-confirm');
    await expect.poll(() => page.textContent('#collect-notice'), SLOW).toContain('MC-2026-000777');
    await expect.poll(() => page.locator('#deposited tbody tr').count(), SLOW).toBe(1);
    expect(await page.textContent('#deposited tbody')).toContain(second.receiptNo);

    // The result comes back: found by the one-stop code, loaded into a door.
    await page.click('#tab-load');
    await page.fill('#load-q', 'MC-2026-000777');
    await page.click('#load-search');
    await page.waitForSelector('#load-open');
    expect(await page.textContent('#load-found')).toContain(first.receiptNo);
    await page.click('#load-open');
    await page.waitForSelector('#load-instruction');
    const door = Number(await page.textContent('#load-step .big-door'));
    await kiosk.screenshot(page, 'staff-load-open');
    await kiosk.sim(door, 'put_item');
    await kiosk.sim(door, 'close');
    await expect
      .poll(async () => (await kiosk.api('POST', '/pickups', { qr: first.qrPayload })).json?.door, {
        timeout: 10_000,
      })
      .toBe(door);
  });

  it('loads a result by scanning the receipt QR into the search field, and the door opens for it', async () => {
    const dossier = await dropOff(kiosk, 'HKD-01', '0906333444');
    // Staff have taken the dossier to the counter; its result is back.
    const token = await kiosk.signIn(STAFF);
    const deposited = await kiosk.api('GET', '/staff/deposited', undefined, token);
    const item = (deposited.json.items as { dossierId: number; receiptNo: string }[]).find(
      (i) => i.receiptNo === dossier.receiptNo,
    )!;
    const collect = await kiosk.api('POST', `/staff/dossiers/${item.dossierId}/collect`, undefined, token);
    expect(collect.status).toBe(200);
    await kiosk.sim(collect.json.door, 'take_item');
    await kiosk.sim(collect.json.door, 'close');

    const page = await open('/staff#load');
    await signInOnPad(page, STAFF);
    await page.click('#load-q');
    // The scanner is a keyboard: it types the receipt's QR text, then Enter.
    expect(dossier.qrPayload.length).toBeGreaterThan(20);
    await page.keyboard.type(dossier.qrPayload);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#load-found [data-dossier="${item.dossierId}"]`, SLOW);
    expect(await page.textContent('#load-found')).toContain(dossier.receiptNo);
    await page.click('#load-open');
    await page.waitForSelector('#load-instruction', SLOW);
    const door = Number(await page.textContent('#load-step .big-door'));
    expect(door).toBeGreaterThan(0);
    const tech = await kiosk.signIn(TECHNICIAN);
    await expect.poll(async () => (await lockerView(kiosk, tech, door))?.reading?.open, SLOW).toBe(true);
    // Ready for the next scan without reaching for the mouse.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('load-q');
    await kiosk.sim(door, 'put_item');
    await kiosk.sim(door, 'close');
    await expect
      .poll(async () => (await kiosk.api('POST', '/pickups', { qr: dossier.qrPayload })).json?.door, SLOW)
      .toBe(door);
  });

  it('registers a result filed online, opens a door for it, and speaks English on a tap', async () => {
    const page = await open('/staff#load');
    await signInOnPad(page, STAFF);
    await page.waitForSelector('#reg-procedure option', { state: 'attached' });
    await page.selectOption('#reg-procedure', 'KS-01');
    await page.fill('#reg-code', 'DVC-2026-42');
    await page.fill('#reg-name', 'Trần Thị Bình');
    await page.fill('#reg-phone', '0987654321');
    await page.click('#reg-submit');
    await page.waitForSelector('#load-open');
    expect(await page.textContent('#load-found')).toContain('DVC-2026-42');
    await page.click('#load-open');
    await page.waitForSelector('#load-instruction');
    const door = Number(await page.textContent('#load-step .big-door'));
    expect(door).toBeGreaterThan(0);
    await kiosk.sim(door, 'put_item');
    await kiosk.sim(door, 'close');

    await page.click('#lang');
    await expect.poll(() => page.textContent('#tab-collect'), SLOW).toBe('Dossiers to collect');
    await page.click('#tab-today');
    await page.waitForSelector('#today .tile');
    expect(await page.textContent('#today')).toContain('Dossiers in');
    await kiosk.screenshot(page, 'staff-today-en');
    // Nothing is late or left uncollected on a machine started today: each list says so in words.
    await page.click('#tab-late');
    await expect.poll(() => page.textContent('#late'), SLOW).toBe('No dossier is late.');
    await page.click('#tab-uncollected');
    await expect
      .poll(() => page.textContent('#uncollected'), SLOW)
      .toBe('No result is past its pickup time.');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#lang');
    await expect.poll(() => page.textContent('#tab-collect'), SLOW).toBe('Hồ sơ cần lấy');
  });

  it('late dossiers list their apology letters, printed on a page of their own', async () => {
    // A dossier turns late only after its appointment date has passed, which a test cannot wait
    // for: the two late-dossier replies are stood in for, in the API's own shapes.
    const page = await open('/staff');
    await page.route('**/api/v1/staff/late', (route) =>
      route.fulfill({
        json: {
          items: [
            {
              dossierId: 41,
              receiptNo: '06126110300041',
              procedureCode: 'HKD-01',
              state: 'at_counter',
              appointmentDate: '2026-11-05',
              apologyAt: null,
            },
          ],
        },
      }),
    );
    await page.route('**/api/v1/staff/late/41/apology', (route) =>
      route.fulfill({
        json: {
          dossierId: 41,
          receiptNo: '06126110300041',
          letter: {
            vi: 'UBND Quận 6 chân thành xin lỗi Ông/Bà ...',
            en: 'District 6 sincerely apologises ...',
          },
        },
      }),
    );
    await signInOnPad(page, STAFF);
    await page.click('#tab-late');
    await page.waitForSelector('#late tbody tr');
    expect(await page.textContent('#late tbody')).toContain('05/11/2026');
    await page.click('#late tbody button');
    await expect
      .poll(() => page.textContent('#apology-text'), SLOW)
      .toBe('UBND Quận 6 chân thành xin lỗi Ông/Bà ...');
    expect(await axeViolations(page)).toEqual([]);
    await kiosk.screenshot(page, 'staff-apology');
    // Printing the letter leaves only the letter on the page.
    await page.evaluate(() => document.body.classList.add('printing-letter'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#apology-text')).toBe(true);
    expect(await page.isVisible('#late table')).toBe(false);
    expect(await page.isVisible('#apology-print')).toBe(false);
    await kiosk.screenshot(page, 'staff-apology-print');
  });

  it('an uncollected result is reminded; reclaiming it early is refused in words', async () => {
    // A result is listed as uncollected only after the reclaim delay (14 days): the list is stood
    // in for with a real result in its door; the reminder and the reclaim go to the daemon.
    const dropped = await dropOff(kiosk, 'HT-05', '0933333333');
    const token = await kiosk.signIn(STAFF);
    const item = (await kiosk.api('GET', '/staff/deposited', undefined, token)).json.items.find(
      (i: { receiptNo: string }) => i.receiptNo === dropped.receiptNo,
    );
    const collect = await kiosk.api('POST', `/staff/dossiers/${item.dossierId}/collect`, undefined, token);
    await kiosk.sim(collect.json.door, 'take_item');
    await kiosk.sim(collect.json.door, 'close');
    await answersOk(() =>
      kiosk.api('POST', `/staff/dossiers/${item.dossierId}/collected`, { externalCode: 'MC-5' }, token),
    );
    const load = await kiosk.api('POST', `/staff/dossiers/${item.dossierId}/load`, undefined, token);
    await kiosk.sim(load.json.door, 'put_item');
    await kiosk.sim(load.json.door, 'close');
    await answersOk(() => kiosk.api('POST', `/staff/dossiers/${item.dossierId}/remind`, undefined, token));

    const page = await open('/staff#uncollected');
    await page.route('**/api/v1/staff/uncollected', (route) =>
      route.fulfill({
        json: {
          items: [
            {
              ...item,
              state: 'ready',
              doorPosition: load.json.door,
              lockerId: load.json.door,
              readyAt: Date.now(),
            },
          ],
        },
      }),
    );
    await signInOnPad(page, STAFF);
    await page.waitForSelector('#uncollected tbody tr');
    await page.click('#uncollected tbody button:has-text("Nhắc nhận")');
    await expect.poll(() => page.textContent('#uncollected-notice'), SLOW).toContain(dropped.receiptNo);
    expect(await page.getAttribute('#uncollected-notice', 'class')).toContain('ok');
    await page.click('#uncollected tbody button:has-text("Thu hồi")');
    await expect.poll(() => page.getAttribute('#uncollected-notice', 'class'), SLOW).toContain('error');
    const refusal = await page.textContent('#uncollected-notice');
    expect(refusal).not.toMatch(/[a-z]+_[a-z]+/);
    expect(refusal!.length).toBeGreaterThan(10);
    expect(await axeViolations(page)).toEqual([]);
    await kiosk.screenshot(page, 'staff-uncollected');
  });
});
