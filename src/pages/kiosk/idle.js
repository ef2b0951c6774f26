// @ts-check
/**
 * Returns to the start when nobody touches the screen for a while, so the next person never
 * sees what the last one typed.
 */

/** The default, for a real kiosk; a shorter one may be given as ?idleSeconds=N (tests, demos). */
export const IDLE_SECONDS = 60;

/** The idle time this page runs with. */
export function idleMs() {
  const asked = Number(new URLSearchParams(location.search).get('idleSeconds'));
  return Number.isFinite(asked) && asked >= 2 ? asked * 1000 : IDLE_SECONDS * 1000;
}

/** @param {number} ms @param {() => void} onIdle */
export function createIdleTimer(ms, onIdle) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let armed = false;
  const restart = () => {
    clearTimeout(timer);
    if (armed) timer = setTimeout(onIdle, ms);
  };
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, restart, true);
  return {
    /** Counts from now (a screen that may time out). */
    arm() {
      armed = true;
      restart();
    },
    /** No timeout (start screen, doors open). */
    disarm() {
      armed = false;
      clearTimeout(timer);
    },
  };
}
