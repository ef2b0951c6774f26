import type { Decoded, FrameDecoder } from '../codec';
import { discarded, HeldBytes } from '../held-bytes';
import { kerongSum } from './frame';
import type { KerongProfile } from './profile';
import { KERONG_ETX, KERONG_REQUEST_BYTES, KERONG_STX, type KerongReply, type KerongRequest } from './types';

export type KerongDirection = 'requests' | 'replies';

/**
 * Bytes of one direction of a Kerong bus -> frames. Requests are always 5 bytes; a reply's
 * length comes from its CMD byte through the profile. A candidate that fails (unknown CMD,
 * no ETX where it belongs, wrong SUM) costs only its STX byte: the search for the next STX
 * starts one byte later, so a real frame hidden behind a false start is still found. What is
 * held never reaches a whole frame, so the buffer is bounded by the longest frame.
 *
 * The limit of an 8-bit SUM: a garbage STX can begin a candidate that borrows the first bytes
 * of a real frame, has 03 where its ETX belongs and a byte equal to its sum where its SUM
 * belongs (`02 29` before `02 03 30 03 38` reads as one frame). That frame is then taken and
 * the real one lost; the host's timeout and status read after a lost reply cover it. Garbage
 * that forms no such candidate never costs a real frame.
 */
export class KerongDecoder implements FrameDecoder<KerongRequest | KerongReply> {
  private readonly held = new HeldBytes(SCRATCH_BYTES);
  private readonly lengthByCmd: Int16Array;
  readonly maxFrameBytes: number;

  constructor(
    readonly direction: KerongDirection,
    profile: KerongProfile,
  ) {
    this.lengthByCmd = new Int16Array(256).fill(direction === 'requests' ? KERONG_REQUEST_BYTES : -1);
    if (direction === 'replies') {
      for (const [cmd, length] of Object.entries(profile.replyLength)) this.lengthByCmd[Number(cmd)] = length;
    }
    this.maxFrameBytes = Math.max(KERONG_REQUEST_BYTES, ...this.lengthByCmd);
  }

  get buffered(): number {
    return this.held.length;
  }

  reset(): void {
    this.held.clear();
  }

  push(chunk: Uint8Array): Decoded<KerongRequest | KerongReply>[] {
    const n = this.held.length + chunk.length;
    const data = this.held.join(chunk);
    const out: Decoded<KerongRequest | KerongReply>[] = [];
    let i = 0;
    while (i < n) {
      if (data[i] !== KERONG_STX) {
        let next = i + 1;
        while (next < n && data[next] !== KERONG_STX) next++;
        out.push(discarded(data, i, next, 'noise'));
        i = next;
        continue;
      }
      if (n - i < 3) break;
      const length = this.lengthByCmd[data[i + 2]!]!;
      if (length < 0) {
        out.push(discarded(data, i, i + 1, 'malformed'));
        i++;
        continue;
      }
      if (n - i < length) break;
      if (data[i + length - 2] !== KERONG_ETX) {
        out.push(discarded(data, i, i + 1, 'malformed'));
        i++;
        continue;
      }
      if (kerongSum(data, i, i + length - 1) !== data[i + length - 1]) {
        out.push(discarded(data, i, i + 1, 'checksum'));
        i++;
        continue;
      }
      out.push({ kind: 'frame', frame: this.frameAt(data, i, length) });
      i += length;
    }
    this.held.keep(data, i, n);
    return out;
  }

  private frameAt(data: Uint8Array, at: number, length: number): KerongRequest | KerongReply {
    const addr = data[at + 1]!;
    const board = addr >> 4;
    const lock = addr & 0x0f;
    const command = data[at + 2]!;
    if (this.direction === 'requests') return { board, lock, command };
    return { board, lock, command, data: copyOut(data, at + 3, at + length - 2) };
  }
}

const SCRATCH_BYTES = 256;

function copyOut(data: Uint8Array, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafe(to - from);
  for (let k = from; k < to; k++) bytes[k - from] = data[k]!;
  return bytes;
}
