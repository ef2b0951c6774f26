import type { Decoded, DiscardReason, FrameDecoder } from '../codec';
import { discarded, HeldBytes } from '../held-bytes';
import { eightyXor } from './frame';
import {
  EIGHTY_BOARD_REPLY_BYTES,
  EIGHTY_FIRST_BOARD,
  EIGHTY_LAST_BOARD,
  EIGHTY_MAX_LOCKS,
  EIGHTY_QUERY_HEADER,
  EIGHTY_SHORT_BYTES,
  EIGHTY_STATE_HIGH,
  EIGHTY_STATE_LOW,
  EIGHTY_UNLOCK_HEADER,
  EightyCommand,
  type EightyExpectation,
  type EightyFrame,
} from './types';

export type EightyDirection = 'requests' | 'replies';

/**
 * Bytes of one direction of an 8A/80 bus -> frames. A frame starts with 0x80 or 0x8A; anything
 * else is noise up to the next such byte. A candidate that fails its shape or its XOR costs only
 * its first byte, so a real frame behind a false start is still found. Nothing held ever reaches
 * a whole frame (8 bytes), so the buffer is bounded.
 *
 * One ambiguity is the protocol's own: a whole-board reply `80 BB b25 b17 b9 b1 33 X` can begin
 * with five bytes that read as a valid one-lock reply (b17 equal to 00 or 11, b25 a lock number
 * 1-32, b9 their XOR). The host knows which reply it waits for, so it says so with expect():
 * while a board reply is expected the decoder waits for all 8 bytes before settling for 5; while
 * a one-lock reply is expected it never reads an 8-byte frame. With no expectation both shapes
 * are read and the shorter wins. Given the same expectation, any chunking yields the same frames.
 *
 * The limit of an 8-bit XOR: two flips of the same bit in two bytes cancel. A single flipped bit
 * is always seen.
 */
export class EightyDecoder implements FrameDecoder<EightyFrame> {
  private readonly held = new HeldBytes(SCRATCH_BYTES);
  private expecting: EightyExpectation = null;
  readonly maxFrameBytes: number;

  constructor(readonly direction: EightyDirection) {
    this.maxFrameBytes = direction === 'requests' ? EIGHTY_SHORT_BYTES : EIGHTY_BOARD_REPLY_BYTES;
  }

  get buffered(): number {
    return this.held.length;
  }

  reset(): void {
    this.held.clear();
  }

  /** Replies: which reply the command in flight asks for (null: either). */
  expect(expecting: EightyExpectation): void {
    this.expecting = expecting;
  }

  push(chunk: Uint8Array): Decoded<EightyFrame>[] {
    const n = this.held.length + chunk.length;
    const data = this.held.join(chunk);
    const out: Decoded<EightyFrame>[] = [];
    let i = 0;
    while (i < n) {
      if (!isHeader(data[i]!)) {
        let next = i + 1;
        while (next < n && !isHeader(data[next]!)) next++;
        out.push(discarded(data, i, next, 'noise'));
        i = next;
        continue;
      }
      const step =
        this.direction === 'requests' ? this.request(data, i, n) : this.reply(data, i, n, this.expecting);
      if (step === null) break;
      if (step.kind === 'frame') {
        out.push({ kind: 'frame', frame: step.frame });
        i += step.length;
      } else {
        out.push(discarded(data, i, i + 1, step.reason));
        i++;
      }
    }
    this.held.keep(data, i, n);
    return out;
  }

  private request(data: Uint8Array, at: number, n: number): Step | null {
    if (n - at < EIGHTY_SHORT_BYTES) return null;
    const [header, b1, b2, b3] = [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
    let frame: EightyFrame | null = null;
    if (
      header === EIGHTY_UNLOCK_HEADER &&
      b3 === EightyCommand.unlock &&
      isBoard(b1) &&
      b2 <= EIGHTY_MAX_LOCKS
    )
      frame = { kind: 'unlock', board: b1, lock: b2 };
    else if (
      header === EIGHTY_QUERY_HEADER &&
      b3 === EightyCommand.query &&
      isBoard(b1) &&
      b2 <= EIGHTY_MAX_LOCKS
    )
      frame = b2 === 0 ? { kind: 'query_board', board: b1 } : { kind: 'query_lock', board: b1, lock: b2 };
    else if (header === EIGHTY_QUERY_HEADER && b3 === EightyCommand.findAddress && b1 === 0x01 && b2 === 0x00)
      frame = { kind: 'find_address' };
    if (!frame) return { kind: 'discard', reason: 'malformed' };
    if (eightyXor(data, at, at + 4) !== data[at + 4]) return { kind: 'discard', reason: 'checksum' };
    return { kind: 'frame', frame, length: EIGHTY_SHORT_BYTES };
  }

  private reply(data: Uint8Array, at: number, n: number, expecting: EightyExpectation): Step | null {
    if (n - at < 4) return null;
    const [header, b1, b2, b3] = [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
    const short = shortReply(header, b1, b2, b3);
    const long = header === EIGHTY_QUERY_HEADER && isBoard(b1) && expecting !== 'lock';
    if (!short && !long) return { kind: 'discard', reason: 'malformed' };
    let shortOk = false;
    if (short) {
      if (n - at < EIGHTY_SHORT_BYTES) return null;
      shortOk = eightyXor(data, at, at + 4) === data[at + 4];
      if (shortOk && !(long && expecting === 'board'))
        return { kind: 'frame', frame: short, length: EIGHTY_SHORT_BYTES };
      if (!long) return { kind: 'discard', reason: 'checksum' };
    }
    if (n - at < EIGHTY_BOARD_REPLY_BYTES) return null;
    const tailOk = data[at + 6] === EightyCommand.query;
    if (tailOk && eightyXor(data, at, at + 7) === data[at + 7]) {
      const bits = ((b2 << 24) | (b3 << 16) | (data[at + 4]! << 8) | data[at + 5]!) >>> 0;
      return { kind: 'frame', frame: { kind: 'board', board: b1, bits }, length: EIGHTY_BOARD_REPLY_BYTES };
    }
    if (short && shortOk) return { kind: 'frame', frame: short, length: EIGHTY_SHORT_BYTES };
    return { kind: 'discard', reason: tailOk || short ? 'checksum' : 'malformed' };
  }
}

type Step =
  | { kind: 'frame'; frame: EightyFrame; length: number }
  | { kind: 'discard'; reason: DiscardReason };

/** The 5-byte reply these four bytes would begin, or null when they cannot begin one. */
function shortReply(header: number, b1: number, b2: number, b3: number): EightyFrame | null {
  const state = b3 === EIGHTY_STATE_LOW || b3 === EIGHTY_STATE_HIGH;
  if (state && isBoard(b1) && b2 >= 1 && b2 <= EIGHTY_MAX_LOCKS)
    return { kind: 'lock', header, board: b1, lock: b2, state: b3 };
  if (header === EIGHTY_QUERY_HEADER && b3 === EightyCommand.findAddress && b1 === 0x01 && isBoard(b2))
    return { kind: 'address', board: b2 };
  return null;
}

function isHeader(byte: number): boolean {
  return byte === EIGHTY_QUERY_HEADER || byte === EIGHTY_UNLOCK_HEADER;
}

function isBoard(byte: number): boolean {
  return byte >= EIGHTY_FIRST_BOARD && byte <= EIGHTY_LAST_BOARD;
}

const SCRATCH_BYTES = 256;
