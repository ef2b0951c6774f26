// @ts-check
/**
 * Waits for the door of a ticket to close: a long poll on the ticket, and the live feed's
 * progress event for the same door as a nudge to read at once should no read be in flight.
 * One reading at a time: the drop-off receipt comes on the first reading after the close only.
 */
import { ApiError } from '../shared/api.js';

/** @typedef {import('./types.js').Kiosk} Kiosk */
/** @typedef {import('../shared/api-types.js').DropOffProgress | import('../shared/api-types.js').PickupProgress} Progress */

/**
 * @param {Kiosk} k
 * @param {'dropoff' | 'pickup'} flow
 * @param {string} ticket
 * @param {number} door
 * @param {(progress: Progress) => void} onSettled the first reading whose status is not door_open
 *   (it may come after the screen was left: the caller checks its flow is still the current one)
 */
export function watchDoor(k, flow, ticket, door, onSettled) {
  let active = true;
  let inFlight = false;
  let poke = false;

  const read = async (/** @type {number} */ waitMs) => {
    if (!active) return;
    if (inFlight) {
      poke = true;
      return;
    }
    inFlight = true;
    /** @type {Progress | null} */
    let progress = null;
    /** @type {ApiError | null} */
    let failed = null;
    try {
      const input = { params: { ticket }, query: { waitMs } };
      progress =
        flow === 'dropoff'
          ? await k.api.get('/dropoffs/:ticket', input)
          : await k.api.get('/pickups/:ticket', input);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failed = error;
    }
    inFlight = false;
    if (!active) return;
    if (progress && progress.status !== 'door_open') {
      active = false;
      onSettled(progress);
      return;
    }
    if (failed && failed.code !== 'network' && failed.code !== 'rate_limited') {
      active = false;
      k.refuse(failed);
      return;
    }
    const again = poke;
    poke = false;
    // A failed read waits a moment; an ended long poll (door still open) asks again at once.
    if (failed) setTimeout(() => read(20_000), 1000);
    else read(again ? 0 : 20_000);
  };

  const off = k.onProgress((f, d, status) => {
    if (f === flow && d === door && status !== 'door_open') read(0);
  });
  // The screen may move on at the live event (the receipt screen fills in when the reading
  // comes): the reading in flight is kept, and stops only once settled or refused.
  k.onLeave(off);
  read(20_000);
}
