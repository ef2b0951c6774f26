import { describe, expect, it } from 'vitest';
import { haveChromium, kioskForSuite, STAFF } from './harness';
import { dropOffByTouch, onScreen, openedDoor, Taps, tapToTheDoor } from './kiosk-steps';

describe.skipIf(!haveChromium())('kiosk drop-off in a real browser', { timeout: 90_000 }, () => {
  const kiosk = kioskForSuite();

  it('drops a dossier off by touch alone in Vietnamese, the name typed with its diacritics', async () => {
    const page = await kiosk.newPage('/');
    const taps = new Taps(page);
    const axeFound: string[] = [];
    const seen = await dropOffByTouch(
      kiosk,
      taps,
      { procedure: 'HKD-01', name: 'Nguyễn Thị Ánh', phone: '0912345678' },
      async (name) => {
        await kiosk.screenshot(page, `kiosk-vi-${name}`);
        axeFound.push(...(await kiosk.axe(page)).map((v) => `${name}: ${v}`));
      },
    );
    expect(await page.textContent('h1')).toContain('Đã nhận hồ sơ');
    expect(seen.receiptShown).toMatch(/^\d{3}-\d{6}-\d{4}-\d$/);
    expect(seen.appointment).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(axeFound).toEqual([]);
    // The dossier is in the ledger under the receipt the screen showed, in the door it went into,
    // due on the date shown: staff see it among the deposited dossiers to collect.
    const token = await kiosk.signIn(STAFF);
    const deposited = (await kiosk.api('GET', '/staff/deposited', undefined, token)).json.items as {
      receiptNo: string;
      procedureCode: string;
      state: string;
      lockerId: number;
      appointmentDate: string;
    }[];
    const [d, m, y] = seen.appointment.split('/');
    expect(deposited.filter((i) => i.receiptNo === seen.receiptDigits)).toEqual([
      expect.objectContaining({
        procedureCode: 'HKD-01',
        state: 'deposited',
        lockerId: seen.door,
        appointmentDate: `${y}-${m}-${d}`,
      }),
    ]);
    await taps.tap('#done');
    await onScreen(page, 'home');
  });

  it('drops a dossier off in English after one tap on the language button', async () => {
    const page = await kiosk.newPage('/');
    const taps = new Taps(page);
    await onScreen(page, 'home');
    await taps.tap('#lang');
    expect(await page.textContent('h1')).toBe('What would you like to do?');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const seen = await dropOffByTouch(
      kiosk,
      taps,
      { procedure: 'CT-01', name: 'Lê Văn Tâm', phone: '0987654321' },
      async (name) => {
        if (name === 'procedures' || name === 'dropoff-door' || name === 'receipt') {
          await kiosk.screenshot(page, `kiosk-en-${name}`);
        }
      },
    );
    expect(await page.textContent('h1')).toBe('Dossier received. Thank you!');
    expect(await page.textContent('.receipt')).toContain('Receipt number');
    expect(seen.door).toBeGreaterThan(0);
  });

  it('backs out with the door open: the empty door closing cancels and says so', async () => {
    const page = await kiosk.newPage('/');
    const taps = new Taps(page);
    await tapToTheDoor(taps, { procedure: 'HKD-01', name: 'An', phone: '0911222333' });
    const door = await openedDoor(page);
    await taps.tap('#back-out');
    await page.waitForSelector('text=I changed my mind', { state: 'detached' }).catch(() => {});
    await kiosk.sim(door, 'close');
    await onScreen(page, 'cancelled');
    expect(await page.textContent('h1')).toBe('Chưa nộp hồ sơ');
  });
});
