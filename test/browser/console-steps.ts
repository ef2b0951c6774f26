import type { Page } from 'playwright-core';
import { type KioskUnderTest, kioskForSuite, type StartOptions } from './harness';

export { axeViolations } from './axe';

/**
 * How long to wait for a console to show a door's change: door commands go through the
 * simulated boards, and a jammed lock takes the link's reply timeout.
 */
export const SLOW = { timeout: 15_000 };

/** A console suite's kiosk, and how its tests open the console's pages. */
export interface ConsoleSuite {
  /** The suite's kiosk (see kioskForSuite). */
  readonly kiosk: KioskUnderTest;
  /**
   * A fresh page at `path`, after closing the one opened before: one page at a time, since a page
   * left open keeps reading on every door event, against the account's request limit.
   */
  open(path: string): Promise<Page>;
}

/** The kiosk of a console's describe block (see ConsoleSuite). */
export function consoleSuite(options: StartOptions = {}): ConsoleSuite {
  const kiosk = kioskForSuite(options);
  let last: Page | null = null;
  return {
    kiosk,
    async open(path) {
      await last?.context().close();
      last = await kiosk.newPage(path);
      return last;
    },
  };
}

/** Signs in on the console's card: the id typed, the PIN tapped on the number pad. */
export async function signInOnPad(page: Page, account: { accountId: string; pin: string }): Promise<void> {
  await page.fill('#signin-id', account.accountId);
  for (const digit of account.pin) await page.click(`.numpad button:text-is("${digit}")`);
  await page.click('#signin-submit');
}

export interface DroppedOff {
  readonly door: number;
  readonly receiptNo: string;
  readonly qrPayload: string;
}

/** A citizen drops a dossier off: the kiosk API starts it, the hands fill and shut the door. */
export async function dropOff(
  kiosk: KioskUnderTest,
  procedureCode = 'HKD-01',
  phone = '0901234567',
): Promise<DroppedOff> {
  const start = await kiosk.api('POST', '/dropoffs', { procedureCode, name: 'Nguyễn Văn An', phone });
  if (start.status !== 201) throw new Error(`drop-off refused: ${JSON.stringify(start.json)}`);
  const { ticket, door } = start.json as { ticket: string; door: number };
  await kiosk.sim(door, 'put_item');
  await kiosk.sim(door, 'close');
  const done = await kiosk.api('GET', `/dropoffs/${ticket}?waitMs=5000`);
  if (done.json?.status !== 'deposited')
    throw new Error(`drop-off not deposited: ${JSON.stringify(done.json)}`);
  return { door, receiptNo: done.json.receipt.receiptNo, qrPayload: done.json.receipt.qrPayload };
}

/** What the technician's API says of one door. */
export async function lockerView(kiosk: KioskUnderTest, token: string, lockerId: number) {
  const r = await kiosk.api('GET', '/tech/lockers', undefined, token);
  // biome-ignore lint/suspicious/noExplicitAny: a reply's JSON
  return (r.json.lockers as any[]).find((l) => l.lockerId === lockerId);
}
