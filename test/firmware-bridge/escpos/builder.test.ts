import { describe, expect, it } from 'vitest';
import { EscPosBuilder, escpos, RECEIPT_80MM } from '../../../firmware-bridge/escpos';

const hex = (bytes: Iterable<number>) => Buffer.from([...bytes]).toString('hex');

describe('ESC/POS bytes', () => {
  it('encodes a small slip exactly as the command reference lays it out', () => {
    const bytes = new EscPosBuilder(RECEIPT_80MM)
      .initialise()
      .align('center')
      .bold(true)
      .line('Số 7')
      .bold(false)
      .qr('DL1.X')
      .cut()
      .bytes();
    const expected = [
      [0x1b, 0x40], // ESC @
      [0x1b, 0x74, 52], // ESC t 52: the configured CP1258 table
      [0x1b, 0x61, 0x01], // ESC a 1: centre
      [0x1b, 0x45, 0x01], // ESC E 1: bold
      [0x53, 0xf4, 0xec, 0x20, 0x37, 0x0a], // "Số 7": ố is ô (0xF4) then the combining acute (0xEC)
      [0x1b, 0x45, 0x00],
      [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00], // fn 165: model 2
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06], // fn 167: module 6 dots
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31], // fn 169: level M
      [0x1d, 0x28, 0x6b, 0x08, 0x00, 0x31, 0x50, 0x30, 0x44, 0x4c, 0x31, 0x2e, 0x58], // fn 180: store
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], // fn 181: print
      [0x0a],
      [0x1b, 0x64, 0x04], // ESC d 4: clear the cutter
      [0x1d, 0x56, 0x42, 0x00], // GS V 66 0: partial cut
    ].flat();
    expect(hex(bytes)).toBe(hex(expected));
  });

  it('counts the QR data plus cn, fn and m in pL pH, high byte included', () => {
    const data = new Uint8Array(300).fill(0x41);
    const store = escpos.qrStore(data);
    expect(store.slice(0, 8)).toEqual([0x1d, 0x28, 0x6b, 0x2f, 0x01, 0x31, 0x50, 0x30]);
    expect(store.length).toBe(8 + 300);
  });

  it('refuses arguments outside the command ranges', () => {
    expect(() => escpos.qrModuleSize(0)).toThrow(RangeError);
    expect(() => escpos.qrModuleSize(17)).toThrow(RangeError);
    expect(() => escpos.characterSize(9, 1)).toThrow(RangeError);
    expect(() => escpos.qrStore(new Uint8Array(0))).toThrow(RangeError);
    expect(() => new EscPosBuilder(RECEIPT_80MM).qr('DL1.é')).toThrow(RangeError);
  });

  it('encodes character size as width and height nibbles', () => {
    expect(escpos.characterSize(2, 2)).toEqual([0x1d, 0x21, 0x11]);
    expect(escpos.characterSize(1, 3)).toEqual([0x1d, 0x21, 0x02]);
  });

  it('frames a raster image with its width in bytes and height in dots', () => {
    const rows = new Uint8Array(2 * 3).fill(0xff);
    expect(escpos.rasterImage(2, 3, rows).slice(0, 8)).toEqual([0x1d, 0x76, 0x30, 0, 2, 0, 3, 0]);
    expect(() => escpos.rasterImage(2, 3, new Uint8Array(5))).toThrow(RangeError);
  });
});
