import type { Decoded, FrameDecoder } from '../codec';
import { discarded, HeldBytes } from '../held-bytes';
import { modbusCrcMatches } from './crc';
import { MODBUS_EXCEPTION_BIT, MODBUS_REQUEST_BYTES, type ModbusFrame, ModbusFunction } from './types';

export type ModbusDirection = 'requests' | 'replies';

export interface ModbusDecoderOptions {
  /** Units that may start a frame (the boards on the bus); any 1-255 when absent. */
  units?: readonly number[];
  /** Replies: the longest bit read expected, in data bytes (4 for a 32-channel board). */
  maxBitBytes?: number;
}

/**
 * Bytes of one direction of a Modbus RTU bus -> frames, without the timing. RTU marks frame ends
 * only by 3.5 character times of silence, which a byte stream over a gateway or a USB adapter no
 * longer carries; so a frame is found by its shape (unit, function, byte count) and its CRC-16:
 *
 * - a candidate begins at a byte that is an expected unit followed by a known function; its
 *   length follows from the function (and the byte count of a bit read, bounded by maxBitBytes);
 * - the earliest candidate that is complete and has a good CRC is taken, even when an earlier
 *   candidate is still waiting for bytes: garbage that looks like the start of a long frame
 *   never holds back a real reply behind it (on a quiet bus its missing bytes would never come);
 * - the bytes before a taken frame are discarded ('checksum' when a complete candidate among
 *   them failed its CRC, 'noise' otherwise); bytes after the earliest waiting candidate are held.
 *
 * What is held is less than one frame, so the buffer is bounded. The one case where chunking
 * changes the outcome needs two overlapping candidates that both pass a CRC-16 (1 in 65,536 for
 * garbage): the one complete first is taken.
 */
export class ModbusDecoder implements FrameDecoder<ModbusFrame> {
  private readonly held = new HeldBytes(SCRATCH_BYTES);
  private readonly units: Uint8Array;
  private readonly maxBitBytes: number;
  readonly maxFrameBytes: number;

  constructor(
    readonly direction: ModbusDirection,
    options: ModbusDecoderOptions = {},
  ) {
    this.units = new Uint8Array(256).fill(options.units ? 0 : 1);
    for (const unit of options.units ?? []) this.units[unit] = 1;
    // Replies never come from unit 0: boards do not answer a broadcast.
    if (direction === 'replies') this.units[0] = 0;
    this.maxBitBytes = options.maxBitBytes ?? 250;
    if (!Number.isInteger(this.maxBitBytes) || this.maxBitBytes < 1 || this.maxBitBytes > 250)
      throw new RangeError(`maxBitBytes ${this.maxBitBytes} is not 1-250`);
    this.maxFrameBytes =
      direction === 'replies' ? Math.max(MODBUS_REQUEST_BYTES, 5 + this.maxBitBytes) : 9 + 255;
  }

  get buffered(): number {
    return this.held.length;
  }

  reset(): void {
    this.held.clear();
  }

  push(chunk: Uint8Array): Decoded<ModbusFrame>[] {
    const n = this.held.length + chunk.length;
    const data = this.held.join(chunk);
    const out: Decoded<ModbusFrame>[] = [];
    let i = 0;
    while (i < n) {
      let waiting = -1;
      let badCrc = -1;
      let found = -1;
      let length = 0;
      for (let s = i; s < n; s++) {
        const candidate = this.lengthAt(data, s, n);
        if (candidate < 0) continue;
        if (candidate === 0 || s + candidate > n) {
          if (waiting < 0) waiting = s;
          continue;
        }
        if (modbusCrcMatches(data, s, s + candidate - 2)) {
          found = s;
          length = candidate;
          break;
        }
        if (badCrc < 0) badCrc = s;
      }
      const end = found >= 0 ? found : waiting >= 0 ? waiting : n;
      if (end > i) out.push(discarded(data, i, end, badCrc >= 0 && badCrc < end ? 'checksum' : 'noise'));
      if (found < 0) {
        i = end;
        break;
      }
      out.push({ kind: 'frame', frame: this.frameAt(data, found, length) });
      i = found + length;
    }
    this.held.keep(data, i, n);
    return out;
  }

  /** Length of the frame that would begin at s: -1 none can, 0 not known yet. */
  private lengthAt(data: Uint8Array, s: number, n: number): number {
    if (this.units[data[s]!] !== 1) return -1;
    if (s + 1 >= n) return 0;
    const fc = data[s + 1]!;
    if (this.direction === 'requests') {
      if (fc === ModbusFunction.readCoils || fc === ModbusFunction.readDiscreteInputs)
        return MODBUS_REQUEST_BYTES;
      if (fc === ModbusFunction.writeSingleCoil) return MODBUS_REQUEST_BYTES;
      if (fc !== ModbusFunction.writeMultipleCoils) return -1;
      if (s + 6 >= n) return 0;
      const count = data[s + 6]!;
      return count >= 1 ? 9 + count : -1;
    }
    if (fc === ModbusFunction.readCoils || fc === ModbusFunction.readDiscreteInputs) {
      if (s + 2 >= n) return 0;
      const count = data[s + 2]!;
      return count >= 1 && count <= this.maxBitBytes ? 5 + count : -1;
    }
    if (fc === ModbusFunction.writeSingleCoil) return MODBUS_REQUEST_BYTES;
    if (!KNOWN_EXCEPTIONS.has(fc)) return -1;
    if (s + 2 >= n) return 0;
    const code = data[s + 2]!;
    return code >= 1 && code <= 0x0b ? 5 : -1;
  }

  private frameAt(data: Uint8Array, at: number, length: number): ModbusFrame {
    const unit = data[at]!;
    const fc = data[at + 1]!;
    const word = (k: number) => (data[at + k]! << 8) | data[at + k + 1]!;
    if (this.direction === 'requests') {
      const request = { unit, function: fc, address: word(2), value: word(4) };
      if (fc !== ModbusFunction.writeMultipleCoils) return request;
      return { ...request, data: copyOut(data, at + 7, at + length - 2) };
    }
    if (fc === ModbusFunction.writeSingleCoil)
      return { kind: 'write', unit, address: word(2), value: word(4) };
    if (fc & MODBUS_EXCEPTION_BIT)
      return { kind: 'exception', unit, function: fc & ~MODBUS_EXCEPTION_BIT, code: data[at + 2]! };
    return { kind: 'bits', unit, function: fc, data: copyOut(data, at + 3, at + length - 2) };
  }
}

/** Exception replies to the functions this controller sends (and FC0F, should a board see one). */
const KNOWN_EXCEPTIONS = new Set(
  [
    ModbusFunction.readCoils,
    ModbusFunction.readDiscreteInputs,
    ModbusFunction.writeSingleCoil,
    ModbusFunction.writeMultipleCoils,
  ].map((fc) => fc | MODBUS_EXCEPTION_BIT),
);

const SCRATCH_BYTES = 512;

function copyOut(data: Uint8Array, from: number, to: number): Buffer {
  return Buffer.from(data.subarray(from, to));
}
