import { describe, expect, it } from 'vitest';
import { OpensCap } from '../../src/kiosk/opens-cap';
import { PresenceCode } from '../../src/kiosk/presence-code';
import { KioskRefusal } from '../../src/kiosk/refusals';
import { SessionBook } from '../../src/kiosk/sessions';
import { localStamp, monthRange } from '../../src/kiosk/time';

describe("the kiosk's in-memory books", () => {
  it('the opens cap is a sliding minute, all or nothing, and gives back unused slots', () => {
    const now = { ms: 1_000_000 };
    const cap = new OpensCap(3, () => now.ms);
    cap.take(2);
    expect(() => cap.take(2)).toThrow(KioskRefusal);
    cap.take(1);
    expect(() => cap.take()).toThrow(/too many doors/);
    cap.giveBack();
    cap.take();
    now.ms += 59_999;
    expect(() => cap.take()).toThrow(KioskRefusal);
    now.ms += 1;
    cap.take(3);
  });

  it('the opens cap starts from the opens recorded in the last minute, so a restart frees no slot', () => {
    const now = { ms: 1_000_000 };
    // Newest first, as the store gives them: two within the minute, one older, one from a skewed clock.
    const recent = [now.ms + 5_000, now.ms - 1_000, now.ms - 59_000, now.ms - 61_000];
    const cap = new OpensCap(3, () => now.ms, recent);
    cap.take();
    expect(() => cap.take()).toThrow(KioskRefusal);
    now.ms += 1_001; // the one 59 s old leaves the window
    cap.take();
    expect(() => cap.take()).toThrow(KioskRefusal);
  });

  it('the presence code changes each period; the previous one is still accepted, older ones not', () => {
    const now = { ms: 0 };
    const presence = new PresenceCode(6, 60_000, () => now.ms);
    const first = presence.current();
    expect(first.code).toMatch(/^\d{6}$/);
    expect(first.expiresAt).toBe(60_000);
    expect(presence.check(first.code)).toBe(true);
    now.ms = 60_000;
    const second = presence.current();
    expect(presence.check(first.code)).toBe(true);
    expect(presence.check(second.code)).toBe(true);
    now.ms = 120_000;
    if (presence.current().code !== first.code) expect(presence.check(first.code)).toBe(false);
    expect(presence.check('')).toBe(false);
    expect(presence.check(`${second.code}0`)).toBe(false);
    // Another process (a restart) draws another key: its codes are not these.
    const other = new PresenceCode(6, 60_000, () => now.ms);
    const differs: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      now.ms = i * 60_000;
      differs.push(other.current().code !== presence.current().code);
    }
    expect(differs.some(Boolean)).toBe(true);
  });

  it('sessions are found by token only, expire, and end per account', () => {
    const now = { ms: 0 };
    const book = new SessionBook(1000, () => now.ms);
    const a = book.open('staff1', 'staff');
    const b = book.open('staff1', 'staff');
    const c = book.open('tech1', 'technician');
    expect(a.token).not.toBe(b.token);
    expect(book.lookup(a.token)).toMatchObject({
      ok: true,
      session: { accountId: 'staff1', expiresAt: 1000 },
    });
    expect(book.lookup('x'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
    now.ms = 1000;
    expect(book.lookup(c.token)).toEqual({ ok: false, reason: 'expired' });
    expect(book.lookup(c.token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('months and stamps are in the kiosk time zone (UTC+7)', () => {
    expect(monthRange('2026-12')).toEqual({
      from: Date.parse('2026-11-30T17:00:00Z'),
      to: Date.parse('2026-12-31T17:00:00Z'),
    });
    expect(localStamp(Date.parse('2026-11-23T17:30:00Z'))).toBe('24/11/2026 00:30');
  });
});
