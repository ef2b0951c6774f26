import type { Decoded, DiscardReason, FrameDecoder } from '../codec';
import { kerongSum } from './frame';
import type { KerongProfile } from './profile';
import { KERONG_ETX, KERONG_STX, type KerongReply, type KerongRequest } from './types';

export type KerongDirection = 'requests' | 'replies';

const REQUEST_LENGTH = 5;

/**
 * Bytes of one direction of a Kerong bus -> frames. Requests are always 5 bytes; a reply's
 * length comes from its CMD byte through the profile. A candidate that fails (unknown CMD,
 * no ETX where it belongs, wrong SUM) costs only its STX byte: the search for the next STX
 * starts one byte later, so a real frame hidden behind a false start is still found. What is
 * held never reaches a whole frame, so the buffer is bounded by the longest frame.
 */
export class KerongDecoder implements FrameDecoder<KerongRequest | KerongReply> {
  private held: Buffer = Buffer.alloc(0);
  private readonly lengthByCmd: Int16Array;
  readonly maxFrameBytes: number;

  constructor(
    readonly direction: KerongDirection,
    profile: KerongProfile,
  ) {
    this.lengthByCmd = new Int16Array(256).fill(direction === 'requests' ? REQUEST_LENGTH : -1);
    if (direction === 'replies') {
      for (const [cmd, length] of Object.entries(profile.replyLength)) this.lengthByCmd[Number(cmd)] = length;
    }
    this.maxFrameBytes = Math.max(REQUEST_LENGTH, ...this.lengthByCmd);
  }

  get buffered(): number {
    return this.held.length;
  }

  reset(): void {
    this.held = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): Decoded<KerongRequest | KerongReply>[] {
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const data = this.held.length === 0 ? input : Buffer.concat([this.held, input]);
    const out: Decoded<KerongRequest | KerongReply>[] = [];
    const n = data.length;
    let i = 0;
    while (i < n) {
      if (data[i] !== KERONG_STX) {
        let next = data.indexOf(KERONG_STX, i);
        if (next < 0) next = n;
        out.push(discard(data, i, next, 'noise'));
        i = next;
        continue;
      }
      if (n - i < 3) break;
      const length = this.lengthByCmd[data[i + 2]!]!;
      if (length < 0) {
        out.push(discard(data, i, i + 1, 'malformed'));
        i++;
        continue;
      }
      if (n - i < length) break;
      if (data[i + length - 2] !== KERONG_ETX) {
        out.push(discard(data, i, i + 1, 'malformed'));
        i++;
        continue;
      }
      if (kerongSum(data, i, i + length - 1) !== data[i + length - 1]) {
        out.push(discard(data, i, i + 1, 'checksum'));
        i++;
        continue;
      }
      out.push({ kind: 'frame', frame: this.frameAt(data, i, length) });
      i += length;
    }
    this.held = i < n ? Buffer.from(data.subarray(i)) : Buffer.alloc(0);
    return out;
  }

  private frameAt(data: Buffer, at: number, length: number): KerongRequest | KerongReply {
    const addr = data[at + 1]!;
    const board = addr >> 4;
    const lock = addr & 0x0f;
    const command = data[at + 2]!;
    if (this.direction === 'requests') return { board, lock, command };
    return { board, lock, command, data: Buffer.from(data.subarray(at + 3, at + length - 2)) };
  }
}

function discard(data: Buffer, from: number, to: number, reason: DiscardReason): Decoded<never> {
  return { kind: 'discarded', bytes: Buffer.from(data.subarray(from, to)), reason };
}
