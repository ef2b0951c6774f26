import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16 } from '../../firmware-bridge/crc16';

/** Bit-by-bit CRC-16/CCITT-FALSE straight from its definition, to check the table against. */
function crc16Bitwise(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  it('gives the catalogue check value 0x29B1 for "123456789"', () => {
    expect(crc16(Buffer.from('123456789', 'ascii'))).toBe(0x29b1);
  });

  it('is the initial value 0xFFFF over no bytes', () => {
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });

  it('matches the bit-by-bit definition for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => crc16(bytes) === crc16Bitwise(bytes)),
    );
  });

  it('over a range equals the CRC of that slice alone', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = a % (bytes.length + 1);
        const end = start + (b % (bytes.length - start + 1));
        return crc16(bytes, start, end) === crc16(bytes.subarray(start, end));
      }),
    );
  });

  it('changes when any one bit flips', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (bytes, at, bit) => {
          const flipped = Uint8Array.from(bytes);
          flipped[at % bytes.length]! ^= 1 << bit;
          return crc16(flipped) !== crc16(bytes);
        },
      ),
    );
  });
});
