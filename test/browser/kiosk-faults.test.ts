import { describe, expect, it } from 'vitest';
import { haveChromium, kioskForSuite, TECHNICIAN } from './harness';
import { onScreen, Taps, tapToTheDoor } from './kiosk-steps';

describe.skipIf(!haveChromium())('kiosk faults and timeouts in a real browser', { timeout: 90_000 }, () => {
  const kiosk = kioskForSuite();

  it('explains a jammed door in plain words and offers the way back', async () => {
    const status = await kiosk.api('GET', '/kiosk/status');
    const doors = status.json.freeDoors.S + status.json.freeDoors.M + status.json.freeDoors.L;
    for (let door = 1; door <= doors; door++) await kiosk.sim(door, 'jam');
    try {
      const page = await kiosk.newPage('/');
      const taps = new Taps(page);
      await tapToTheDoor(taps, { procedure: 'HKD-01', name: 'Hoa', phone: '0905111222' });
      await onScreen(page, 'sorry', 30_000);
      const message = (await page.textContent('.message')) ?? '';
      expect(message).toMatch(/kẹt|không mở được/);
      expect(message).not.toMatch(/door_jammed|door_refused|409|error/i);
      await kiosk.screenshot(page, 'kiosk-vi-door-jammed');
      expect(await kiosk.axe(page)).toEqual([]);
      await taps.tap('#home');
      await onScreen(page, 'home');
    } finally {
      for (let door = 1; door <= doors; door++) await kiosk.sim(door, 'unjam');
    }
  });

  it('returns to the start after the idle time and forgets what was typed', async () => {
    const page = await kiosk.newPage('/?idleSeconds=3');
    const taps = new Taps(page);
    await onScreen(page, 'home');
    await taps.tap('#start-dropoff');
    await taps.tap('[data-procedure="HKD-01"]');
    await taps.type('Bảo');
    expect(await page.textContent('#name')).toBe('Bảo');
    // Nobody touches the screen: back to the start on its own.
    await onScreen(page, 'home', 20_000);
    await taps.tap('#start-dropoff');
    await taps.tap('[data-procedure="HKD-01"]');
    expect(await page.textContent('#name')).toBe('');
  });

  it('shows the out-of-service screen while the link is cut and in maintenance, and comes back', async () => {
    const page = await kiosk.newPage('/');
    await onScreen(page, 'home');
    await kiosk.api('PUT', '/sim/banks/0/link', { cut: true });
    try {
      await onScreen(page, 'out', 30_000);
      expect(await page.textContent('#out-reason')).toContain('mất kết nối');
      await kiosk.screenshot(page, 'kiosk-vi-out-of-service');
      expect(await kiosk.axe(page)).toEqual([]);
    } finally {
      await kiosk.api('PUT', '/sim/banks/0/link', { cut: false });
    }
    await onScreen(page, 'home', 30_000);

    const token = await kiosk.signIn(TECHNICIAN);
    const on = await kiosk.api('PUT', '/tech/maintenance', { on: true }, token);
    expect(on.status).toBe(200);
    try {
      await onScreen(page, 'out');
      expect(await page.textContent('#out-reason')).toContain('bảo trì');
    } finally {
      await kiosk.api('PUT', '/tech/maintenance', { on: false }, token);
    }
    await onScreen(page, 'home');
  });
});
