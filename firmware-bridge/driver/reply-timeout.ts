import { encodeLine } from '../line/codec';
import { LINE_MAX_BYTES, LINE_REPLY_DEADLINE_MS } from '../line/limits';

/** The longest frame each way on a bus: what a reply may have to wait for on the wire. */
export interface FrameSizes {
  requestBytes: number;
  replyBytes: number;
}

/** The longest request this host sends (an OPEN with every number at its widest) and the longest line a board may send. */
export const LINE_FRAME_SIZES: Readonly<FrameSizes> = Object.freeze({
  requestBytes: encodeLine({
    type: 'request',
    request: { seq: 65535, command: { verb: 'OPEN', board: 15, channel: 15, pulseMs: 2000 } },
  }).length,
  replyBytes: LINE_MAX_BYTES + 1, // and its '\n'
});

/**
 * Room beyond the wire and the board: a USB-serial adapter holds received bytes up to its
 * latency timer (16 ms on FTDI chips), and the operating system and our event loop add theirs.
 */
export const HOST_SLACK_MS = 50;

/** Time on the wire for `bytes` at `baudRate`, 8N1 (ten bits a byte). */
export function wireMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}

/**
 * How long to wait for a reply, timed from handing the request to the transport: the request
 * on the wire, the board's deadline (PROTOCOL.md section 10: 100 ms from the request's last
 * byte; Kerong boards publish none and are held to the same), the longest reply on the wire,
 * and the host's own slack. Anything shorter would call a conforming board's reply lost.
 */
export function replyTimeoutFor(baudRate: number, frames: FrameSizes): number {
  const wire = wireMs(frames.requestBytes + frames.replyBytes, baudRate);
  return Math.ceil(wire + LINE_REPLY_DEADLINE_MS + HOST_SLACK_MS);
}
