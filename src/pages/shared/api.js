// @ts-check
/**
 * The pages' client for the daemon's API (/api/v1) and its live events. A call never throws:
 * it answers either the data or the refusal's stable code with its bilingual message, so a
 * screen can always say something in plain words.
 */

/** @typedef {import('./i18n.js').Bilingual} Bilingual */
/**
 * @template T
 * @typedef {{ ok: true, status: number, data: T } | { ok: false, status: number, code: string, message: Bilingual | null }} ApiResult
 */

export const API = '/api/v1';

/**
 * @template [T=any]
 * @param {'GET' | 'POST' | 'PUT' | 'DELETE'} method
 * @param {string} path below /api/v1
 * @param {unknown} [body]
 * @param {{ token?: string | null, signal?: AbortSignal }} [options]
 * @returns {Promise<ApiResult<T>>}
 */
export async function apiCall(method, path, body, options = {}) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: null };
  }
  /** @type {any} */
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: json };
  const error = json && typeof json === 'object' ? json.error : null;
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'internal',
    message: error?.message && typeof error.message.vi === 'string' ? error.message : null,
  };
}

/**
 * @typedef {{ type: 'hello', maintenance: boolean, linkDown: boolean }
 *   | { type: 'door', lockerId: number, change: string }
 *   | { type: 'link', bank: number, state: string }
 *   | { type: 'maintenance', on: boolean }
 *   | { type: 'progress', flow: 'dropoff' | 'pickup', door: number, status: string }
 *   | { type: 'scan', outcome: 'door_open', door: number }
 *   | { type: 'scan', outcome: 'refused', code: string, message: import('./i18n.js').Bilingual }} KioskEvent
 */

/**
 * Listens to /api/v1/events, reconnecting after a drop (every 2 s). `onState` hears whether the
 * feed is connected: a screen that lost it falls back to asking.
 * @param {(event: KioskEvent) => void} onEvent
 * @param {(connected: boolean) => void} [onState]
 * @returns {() => void} stops listening
 */
export function connectEvents(onEvent, onState = () => {}) {
  let stopped = false;
  /** @type {WebSocket | null} */
  let socket = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}${API}/events`);
    socket.addEventListener('open', () => onState(true));
    socket.addEventListener('message', (m) => {
      try {
        onEvent(JSON.parse(String(m.data)));
      } catch {
        // A message that is not JSON is not ours to act on.
      }
    });
    socket.addEventListener('close', () => {
      onState(false);
      if (!stopped) retry = setTimeout(open, 2000);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    socket?.close();
  };
}
