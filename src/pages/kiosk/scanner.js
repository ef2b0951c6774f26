// @ts-check
/**
 * The receipt scanner types into the page like a keyboard (keyboard-wedge): a burst of fast
 * keystrokes ending in Enter. The kiosk has no physical keyboard, so any such burst anywhere on
 * the page is a scan. A scanner sends its characters milliseconds apart; the gap allowed is wide
 * so that a busy screen, slow to hand out key events, does not split one scan in two.
 */

/** Keys further apart than this start a new burst. */
const GAP_MS = 500;
/** Shorter bursts are not a receipt. */
const MIN_LENGTH = 8;

/** @param {(text: string) => void} onScan @returns {() => void} stops listening */
export function listenForScans(onScan) {
  let buffer = '';
  let last = 0;
  /** @param {KeyboardEvent} e */
  const onKey = (e) => {
    const now = performance.now();
    if (now - last > GAP_MS) buffer = '';
    last = now;
    if (e.key === 'Enter') {
      const text = buffer.trim();
      buffer = '';
      if (text.length >= MIN_LENGTH) {
        e.preventDefault();
        onScan(text);
      }
      return;
    }
    if (e.key.length === 1) {
      buffer += e.key;
      e.preventDefault();
    }
  };
  document.addEventListener('keydown', onKey, true);
  return () => document.removeEventListener('keydown', onKey, true);
}
