// @ts-check
/**
 * The daemon's live feed (websocket /api/v1/events), reconnecting with a growing pause. When the
 * feed is refused (an office computer, when the kiosk serves it to its own screen only) callers
 * fall back on polling, which `onState(false)` tells them to do.
 * @param {(event: any) => void} onEvent
 * @param {(connected: boolean) => void} [onState]
 * @returns {() => void} stops listening
 */
export function liveFeed(onEvent, onState = () => {}) {
  let stopped = false;
  let pause = 500;
  /** @type {WebSocket | null} */
  let socket = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const connect = () => {
    if (stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/events`);
    socket.addEventListener('open', () => {
      pause = 500;
      onState(true);
    });
    socket.addEventListener('message', (m) => {
      try {
        onEvent(JSON.parse(String(m.data)));
      } catch {
        // A message we cannot read is skipped; the next refresh catches up.
      }
    });
    socket.addEventListener('close', () => {
      onState(false);
      if (stopped) return;
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, 15_000);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
