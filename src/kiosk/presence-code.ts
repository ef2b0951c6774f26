import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The kiosk presence code: a few digits shown only on the kiosk screen (served to loopback
 * clients only), changing every period. A technician reading it proves they stand at the kiosk.
 * Derived from a per-process key and the period number, so nothing is stored; the previous
 * period's code is still accepted, so a code read just before a change still works.
 */
export class PresenceCode {
  private readonly key = randomBytes(32);

  constructor(
    private readonly digits: number,
    private readonly rotateMs: number,
    private readonly clock: () => number,
  ) {}

  current(): { code: string; expiresAt: number } {
    const period = Math.floor(this.clock() / this.rotateMs);
    return { code: this.codeFor(period), expiresAt: (period + 1) * this.rotateMs };
  }

  check(given: string): boolean {
    const period = Math.floor(this.clock() / this.rotateMs);
    const text = Buffer.from(given.padEnd(this.digits, ' ').slice(0, 64));
    let ok = false;
    for (const p of [period, period - 1]) {
      const expected = Buffer.from(this.codeFor(p));
      // Compare every candidate, always, so the time taken tells nothing.
      if (text.length === expected.length && timingSafeEqual(text, expected)) ok = true;
    }
    return ok;
  }

  private codeFor(period: number): string {
    const mac = createHmac('sha256', this.key).update(String(period)).digest();
    // 48 bits leave a bias of at most 10^10 / 2^48 (under 0.004%) for up to 10 digits.
    const n = mac.readUIntBE(0, 6) % 10 ** this.digits;
    return String(n).padStart(this.digits, '0');
  }
}
