/**
 * The citizen kiosk measured in the system's Chromium against the daemon on the simulator:
 * - ui.door_event_to_screen_p50_ms / _p99_ms: the simulator closes a drop-off door -> the page's
 *   next step (the receipt screen, shown at the live event) reaches its next animation frame;
 *   ui.door_event_to_receipt_details_p99_ms: -> the frame with the receipt number and QR. Both ends read Date.now on this
 *   one machine (the bench before the simulator call, the page in its frame callback).
 * - ui.dropoff_taps: taps for a drop-off of a listed procedure, a 10-letter name typed with its
 *   diacritics on the on-screen keyboard and a 10-digit phone number, up to "done".
 * - ui.pickup_taps: taps for a pickup by receipt scan (the scan itself is no tap).
 * - ui.first_paint_ms: first-contentful-paint of the kiosk page, median of fresh loads.
 * Bars: event to screen <= 250 ms, drop-off taps <= 35, pickup taps <= 3.
 */
import type { Page } from 'playwright-core';
import { haveChromium, type KioskUnderTest, STAFF, startKiosk } from '../browser/harness';
import { dropOffByTouch, loadResult, onScreen, openedDoor, Taps, tapToTheDoor } from '../browser/kiosk-steps';
import type { BenchLog } from './run';
import { percentile } from './stats';

const EVENT_SAMPLES = 25;
const PAINT_SAMPLES = 7;

type Mark = { screen: string; at: number; frameAt?: number };

async function marksOf(page: Page): Promise<Mark[]> {
  return page.evaluate(() => (window as unknown as { kioskMarks: Mark[] }).kioskMarks.slice());
}

/** A drop-off on the page up to the open door (short name), then timed from the close. */
/** One close: to the page's frame, and the part after the live event reached the page. */
interface Timed {
  /** To the frame of the next step (the receipt screen). */
  total: number;
  /** To the frame with the receipt's number and QR filled in. */
  details: number;
  afterEvent: number;
}

async function timedClose(kiosk: KioskUnderTest, page: Page, token: string): Promise<Timed> {
  const taps = new Taps(page);
  await tapToTheDoor(taps, { procedure: 'HKD-01', name: 'An', phone: '0912000111' });
  const door = await openedDoor(page);
  await kiosk.sim(door, 'put_item');
  const before = (await marksOf(page)).length;
  const closedAt = Date.now();
  await kiosk.sim(door, 'close');
  await onScreen(page, 'receipt');
  await page.waitForFunction((n) => {
    const marks = (window as unknown as { kioskMarks: Mark[] }).kioskMarks;
    return marks.slice(n).some((m) => m.screen === 'receipt:details' && m.frameAt !== undefined);
  }, before);
  const after = (await marksOf(page)).slice(before);
  const shown = after.find((m) => m.screen === 'receipt')!;
  const details = after.find((m) => m.screen === 'receipt:details')!;
  const event = after.find((m) => m.screen === 'event:dropoff:deposited');
  await taps.tap('#done');
  // Staff take the dossier out so the door is free for the next round.
  const receiptNo = (
    (await kiosk.api('GET', '/staff/deposited', undefined, token)).json.items as {
      dossierId: number;
      lockerId: number;
    }[]
  )[0];
  if (receiptNo) {
    const c = await kiosk.api('POST', `/staff/dossiers/${receiptNo.dossierId}/collect`, undefined, token);
    if (c.status === 200) {
      await kiosk.sim(c.json.door, 'take_item');
      await kiosk.sim(c.json.door, 'close');
    }
  }
  return {
    total: shown.frameAt! - closedAt,
    details: details.frameAt! - closedAt,
    afterEvent: event ? shown.frameAt! - event.at : Number.NaN,
  };
}

export async function run(log: BenchLog): Promise<Record<string, number>> {
  if (!haveChromium()) {
    log('skipped: no /usr/bin/chromium (apt-get install -y chromium)');
    return {};
  }
  // Each round opens two doors (the drop-off, then staff collecting): above the kiosk's own cap.
  const kiosk = await startKiosk({
    configure: (doc) => {
      doc.opensPerMinute = 600;
    },
  });
  try {
    // First paint, on fresh contexts (nothing cached).
    const paints: number[] = [];
    for (let i = 0; i < PAINT_SAMPLES; i++) {
      const page = await kiosk.newPage('/');
      await onScreen(page, 'home');
      const fcp = await page.evaluate(async () => {
        for (let tries = 0; tries < 50; tries++) {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) return entry.startTime;
          await new Promise((r) => setTimeout(r, 20));
        }
        return Number.NaN;
      });
      paints.push(fcp);
      await page.context().close();
    }
    log(`first paints (ms): ${paints.map((p) => p.toFixed(0)).join(' ')}`);

    // Taps for one drop-off, with the 10-letter name "Lý Văn Thành".
    const page = await kiosk.newPage('/');
    const dropTaps = new Taps(page);
    const dropped = await dropOffByTouch(kiosk, dropTaps, {
      procedure: 'HKD-01',
      name: 'Lý Văn Thành',
      phone: '0912345678',
    });
    await dropTaps.tap('#done');
    log(`drop-off: ${dropTaps.count} taps (name 10 letters + 2 tones + 2 spaces, phone 10 digits)`);

    // Taps for one pickup by scan: the scanner types the QR, the citizen only rates.
    await loadResult(kiosk, dropped.receiptDigits);
    const pickupTaps = new Taps(page);
    await onScreen(page, 'home');
    await page.keyboard.type(dropped.qrPayload, { delay: 0 });
    await page.keyboard.press('Enter');
    await onScreen(page, 'pickup-door').catch(async (e) => {
      log(
        `screen ${await page.getAttribute('body', 'data-screen')}: ${await page.textContent('main')}; qr ${dropped.qrPayload.length}`,
      );
      throw e;
    });
    const door = Number(await page.textContent('#door-number'));
    await kiosk.sim(door, 'take_item');
    await kiosk.sim(door, 'close');
    await onScreen(page, 'rating');
    await pickupTaps.tap('[data-rating="5"]');
    await onScreen(page, 'thanks');
    log(`pickup by scan: ${pickupTaps.count} taps`);

    // Door event -> screen, over repeated drop-offs on one page.
    const token = await kiosk.signIn(STAFF);
    const timed: Timed[] = [];
    for (let i = 0; i < EVENT_SAMPLES; i++) timed.push(await timedClose(kiosk, page, token));
    const latencies = timed.map((t) => t.total);
    const pageSide = timed.map((t) => t.afterEvent).filter((n) => Number.isFinite(n));
    const details = timed.map((t) => t.details);
    log(`door close -> receipt screen frame (ms): ${latencies.join(' ')}`);
    log(`door close -> receipt number and QR (ms): ${details.join(' ')}`);
    // The live event and the long poll answer at the same moment; what follows it is the page's.
    if (pageSide.length)
      log(`of which after the live event reached the page, p50 ${percentile(pageSide, 50)} ms`);

    return {
      'ui.door_event_to_screen_p50_ms': percentile(latencies, 50),
      'ui.door_event_to_screen_p99_ms': percentile(latencies, 99),
      'ui.door_event_to_receipt_details_p99_ms': percentile(details, 99),
      'ui.dropoff_taps': dropTaps.count,
      'ui.pickup_taps': pickupTaps.count,
      'ui.first_paint_ms': percentile(paints, 50),
    };
  } finally {
    await kiosk.close();
  }
}
