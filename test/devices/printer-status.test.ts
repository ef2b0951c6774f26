import { describe, expect, it } from 'vitest';
import { isStatusByte, paperStatusOf } from '../../src/devices/printer-status';

describe('the DLE EOT 4 paper sensor answer', () => {
  it('reads paper present, near its end and out', () => {
    expect(paperStatusOf(0x12)).toBe('ok');
    expect(paperStatusOf(0x1e)).toBe('near_end');
    expect(paperStatusOf(0x72)).toBe('out');
    expect(paperStatusOf(0x7e)).toBe('out');
  });

  it('tells a status byte (bits 1 and 4 set, 0 and 7 clear) from other bytes', () => {
    for (const byte of [0x12, 0x1e, 0x72, 0x7e]) expect(isStatusByte(byte)).toBe(true);
    for (const byte of [0x00, 0x11, 0x13, 0x0a, 0x41, 0x92, 0x13]) expect(isStatusByte(byte)).toBe(false);
  });
});
