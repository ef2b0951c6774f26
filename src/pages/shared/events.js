// @ts-check
/**
 * The daemon's live feed (websocket /api/v1/events). The first message is a hello with the
 * current state, so a page that (re)connects is in sync. When the feed is refused (an office
 * computer, when the kiosk serves it to its own screen only) or drops, `onState(false)` tells the
 * page to fall back on asking.
 */
import { API } from './api.js';

/**
 * The feed's messages (src/http/routes/events.ts and the daemon's KioskEvent; no TypeBox
 * schema describes a websocket message, so they are written here).
 * @typedef {{ type: 'hello', maintenance: boolean, linkDown: boolean }
 *   | { type: 'door', lockerId: number, change: 'opened' | 'closed' | 'uncommanded_open' }
 *   | { type: 'link', bank: number, state: string }
 *   | { type: 'maintenance', on: boolean }
 *   | { type: 'progress', flow: 'dropoff' | 'pickup', door: number, status: string }
 *   | { type: 'scan', outcome: 'door_open', door: number }
 *   | { type: 'scan', outcome: 'refused', code: string, message: import('./i18n.js').Bilingual }} KioskEvent
 */

/**
 * Listens to the feed, reconnecting after a drop: first after `firstPauseMs`, then twice as long
 * each time up to `maxPauseMs` (the kiosk, on the same machine, asks every 2 s; an office
 * computer backs off from 0.5 s to 15 s).
 * @param {(event: KioskEvent) => void} onEvent
 * @param {(connected: boolean) => void} [onState]
 * @param {{ firstPauseMs?: number, maxPauseMs?: number }} [options]
 * @returns {() => void} stops listening
 */
export function liveFeed(onEvent, onState = () => {}, options = {}) {
  const { firstPauseMs = 500, maxPauseMs = 15_000 } = options;
  let stopped = false;
  let pause = firstPauseMs;
  /** @type {WebSocket | null} */
  let socket = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const connect = () => {
    if (stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}${API}/events`);
    socket.addEventListener('open', () => {
      pause = firstPauseMs;
      onState(true);
    });
    socket.addEventListener('message', (m) => {
      try {
        // The daemon's own messages, taken as the shape above (the feed has no schema to check).
        onEvent(/** @type {KioskEvent} */ (JSON.parse(String(m.data))));
      } catch {
        // A message that is not JSON is not ours to act on; the next refresh catches up.
      }
    });
    socket.addEventListener('close', () => {
      onState(false);
      if (stopped) return;
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, maxPauseMs);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
