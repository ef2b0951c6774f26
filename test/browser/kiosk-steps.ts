/**
 * What a citizen does at the kiosk screen, tap by tap (on-screen keys only), and what staff do
 * in between through the API: shared by the kiosk's browser tests and the UI benchmark.
 */

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiReply, KioskUnderTest } from './harness';
import { STAFF } from './harness';

const TONE_KEYS: Record<string, string> = {
  '\u0301': 'tone:sac',
  '\u0300': 'tone:huyen',
  '\u0309': 'tone:hoi',
  '\u0303': 'tone:nga',
  '\u0323': 'tone:nang',
};

/**
 * Every touch a test makes on the kiosk screen goes through here, and is counted. The kiosk has
 * a touch screen and no mouse: a tap is a touch (the context has hasTouch), and the page itself
 * is asked which kind of pointer pressed, so a tap that reached the screen as a mouse click, or
 * did not reach it at all, fails the test instead of being counted.
 */
export class Taps {
  count = 0;
  constructor(readonly page: Page) {}

  async tap(selector: string): Promise<void> {
    // Listens (once per page load) to the pointers that press on the page, as the kiosk's idle
    // timer does, in the capture phase so a screen's own handlers cannot hide them.
    await this.page.evaluate(() => {
      const w = window as unknown as { kioskPointers?: string[] };
      if (w.kioskPointers) return;
      w.kioskPointers = [];
      document.addEventListener('pointerdown', (e) => w.kioskPointers?.push(e.pointerType), true);
    });
    await this.page.locator(selector).tap();
    const pressed = await this.page.evaluate(() =>
      (window as unknown as { kioskPointers?: string[] }).kioskPointers?.splice(0),
    );
    expect(pressed, `the tap on ${selector}`).toEqual(['touch']);
    this.count++;
  }

  /** One on-screen key. */
  key(key: string): Promise<void> {
    return this.tap(`[data-key="${key}"]`);
  }

  /**
   * Types text on the on-screen keyboard: each letter by its key (ă â ê ô ơ ư đ have their
   * own), a word's tone key once the word is typed, a space between words. Capitals come from
   * the name field's word capitalisation, not a shift key.
   */
  async type(text: string): Promise<void> {
    const words = text.normalize('NFC').split(' ');
    for (const [i, word] of words.entries()) {
      if (i > 0) await this.key('space');
      let tone: string | null = null;
      for (const ch of Array.from(word)) {
        const parts = ch.normalize('NFD');
        const mark = Array.from(parts).find((c) => c in TONE_KEYS);
        if (mark) tone = TONE_KEYS[mark]!;
        const base = Array.from(parts)
          .filter((c) => !(c in TONE_KEYS))
          .join('')
          .normalize('NFC')
          .toLowerCase();
        await this.key(base);
      }
      if (tone) await this.key(tone);
    }
  }
}

/** Waits for the kiosk to show a screen (body[data-screen]). */
export async function onScreen(page: Page, screen: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`body[data-screen="${screen}"]`, { timeout });
}

export interface DropOffSeen {
  door: number;
  receiptDigits: string;
  receiptShown: string;
  appointment: string;
  /** What the receipt's QR encodes, read off the screen's own API reply (as a scanner would). */
  qrPayload: string;
}

/** Who drops a dossier off, and for which procedure. */
export interface Citizen {
  readonly procedure: string;
  readonly name: string;
  readonly phone: string;
}

/**
 * A drop-off by touch up to the last "next": start, procedure, name, phone. What the kiosk shows
 * after it (the open door, or a fault) is the caller's to wait for. `shot` is called on each
 * screen once it shows.
 */
export async function tapToTheDoor(
  taps: Taps,
  citizen: Citizen,
  shot?: (name: string) => Promise<void>,
): Promise<void> {
  const { page } = taps;
  await onScreen(page, 'home');
  await shot?.('home');
  await taps.tap('#start-dropoff');
  await page.waitForSelector(`[data-procedure="${citizen.procedure}"]`);
  await shot?.('procedures');
  await taps.tap(`[data-procedure="${citizen.procedure}"]`);
  await onScreen(page, 'name');
  await taps.type(citizen.name);
  expect(await page.textContent('#name')).toBe(citizen.name.normalize('NFC'));
  await shot?.('name');
  await taps.tap('#next');
  await onScreen(page, 'phone');
  for (const d of citizen.phone) await taps.key(d);
  await shot?.('phone');
  await taps.tap('#next');
}

/**
 * The door a drop-off opened (after tapToTheDoor), by the number its screen shows. Another screen
 * than the open door's fails with what it shows.
 */
export async function openedDoor(page: Page): Promise<number> {
  await onScreen(page, 'dropoff-door').catch(async (e) => {
    throw new Error(`${await page.getAttribute('body', 'data-screen')}: ${await page.textContent('main')}`, {
      cause: e,
    });
  });
  const door = Number(await page.textContent('#door-number'));
  expect(door).toBeGreaterThan(0);
  return door;
}

/**
 * A drop-off by touch: start, procedure, name, phone, the door opens; the test's hands put the
 * dossier in and close the door; the receipt shows. Leaves the page on the receipt screen.
 */
export async function dropOffByTouch(
  kiosk: KioskUnderTest,
  taps: Taps,
  citizen: Citizen,
  shot?: (name: string) => Promise<void>,
): Promise<DropOffSeen> {
  const { page } = taps;
  let qrPayload = '';
  page.on('response', async (response) => {
    if (!/\/api\/v1\/dropoffs\/[^/]+\?/.test(response.url())) return;
    const body = await response.json().catch(() => null);
    if (body?.receipt?.qrPayload) qrPayload = body.receipt.qrPayload;
  });
  await tapToTheDoor(taps, citizen, shot);
  const door = await openedDoor(page);
  await shot?.('dropoff-door');
  await kiosk.sim(door, 'put_item');
  await kiosk.sim(door, 'close');
  await onScreen(page, 'receipt');
  // The screen shows at the door's event; the number and QR come with the reading just after.
  await page.waitForSelector('#receipt-no');
  const receiptShown = (await page.textContent('#receipt-no'))!.trim();
  const appointment = (await page.textContent('#appointment'))!.trim();
  expect(await page.getAttribute('.receipt-qr', 'src')).toMatch(/^data:image\/svg\+xml;base64,/);
  // The browser drew it: the picture decoded, at a size (an SVG without one would have none).
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.receipt-qr');
    return img?.complete === true && img.naturalWidth > 0;
  });
  await shot?.('receipt');
  return { door, receiptDigits: receiptShown.replace(/\D/g, ''), receiptShown, appointment, qrPayload };
}

export interface ResultLoaded {
  door: number;
  /** The 8-digit pickup code from the result-ready text message. */
  code: string;
}

/** Staff collect the dossier and load its result (API and the simulator's hands). */
export async function loadResult(kiosk: KioskUnderTest, receiptDigits: string): Promise<ResultLoaded> {
  const token = await kiosk.signIn(STAFF);
  const deposited = await kiosk.api('GET', '/staff/deposited', undefined, token);
  const item = (deposited.json.items as { dossierId: number; receiptNo: string }[]).find(
    (i) => i.receiptNo === receiptDigits,
  );
  if (!item) throw new Error(`dossier ${receiptDigits} is not among the deposited`);
  const collect = await kiosk.api('POST', `/staff/dossiers/${item.dossierId}/collect`, undefined, token);
  expect(collect.status, JSON.stringify(collect.json)).toBe(200);
  await kiosk.sim(collect.json.door, 'take_item');
  await kiosk.sim(collect.json.door, 'close');
  const before = kiosk.sms.messages.length;
  const load = await waitForOk(() =>
    kiosk.api('POST', `/staff/dossiers/${item.dossierId}/load`, undefined, token),
  );
  await kiosk.sim(load.json.door, 'put_item');
  await kiosk.sim(load.json.door, 'close');
  const sms = await kiosk.sms.waitFor((m) => m.kind === 'result_ready', before);
  // The text goes out without diacritics (GSM-7): "Ma nhan: 12345678".
  const code = /nh[aâ]n: (\d{8})\b/i.exec(sms.text)?.[1];
  if (!code) throw new Error('the result-ready message carries no pickup code');
  return { door: load.json.door, code };
}

/** Retries while the previous door operation is still settling (door_busy, not_allowed). */
async function waitForOk(call: () => Promise<ApiReply>): Promise<ApiReply> {
  for (let i = 0; i < 50; i++) {
    const r = await call();
    if (r.status === 200) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('the operation never became possible');
}
