import { describe, expect, it } from 'vitest';
import { EscPosBuilder, encodeCp1258, RECEIPT_80MM } from '../../../firmware-bridge/escpos';
import { EscPosParser } from '../../../hardware-sim/printer/escpos-parser';
import { SlipAssembler } from '../../../hardware-sim/printer/printed-slip';
import { VIETNAMESE_LOWER, VIETNAMESE_UPPER } from './vietnamese-letters';

/** What the simulated printer reads back from a one-line slip. */
function printedBack(text: string): string {
  const bytes = new EscPosBuilder(RECEIPT_80MM).initialise().line(text).cut().bytes();
  const assembler = new SlipAssembler({ vietnameseCodeTable: RECEIPT_80MM.vietnameseCodeTable });
  for (const command of new EscPosParser().push(bytes)) {
    const slip = assembler.apply(command);
    if (slip) return slip.text;
  }
  throw new Error('no slip was cut');
}

describe('Vietnamese text through the CP1258 code page', () => {
  it('knows all 134 letters with their tones in each case', () => {
    expect(new Set(VIETNAMESE_LOWER).size).toBe(12 * 6 + 17);
    expect(new Set(VIETNAMESE_UPPER).size).toBe(12 * 6 + 17);
  });

  for (const [name, letters] of [
    ['lower case', VIETNAMESE_LOWER],
    ['upper case', VIETNAMESE_UPPER],
  ] as const) {
    it(`prints every ${name} letter and reads it back as the same NFC letter`, () => {
      for (const letter of letters) {
        const { bytes, unmappable } = encodeCp1258(letter);
        expect(unmappable, letter).toEqual([]);
        expect(bytes.includes(0x3f), letter).toBe(false);
        expect(printedBack(letter), letter).toBe(letter);
      }
    });
  }

  it('reads back a whole sentence, whatever normalisation form it came in', () => {
    const sentence =
      'Đăng ký khai sinh, kết hôn; xác nhận tình trạng hôn nhân — Ủy ban nhân dân phường Bến Nghé';
    expect(printedBack(sentence.normalize('NFD'))).toBe(sentence.normalize('NFC'));
    expect(printedBack(sentence.normalize('NFC'))).toBe(sentence.normalize('NFC'));
  });

  it('sends a toned letter as its base letter then the tone mark', () => {
    // ế = ê (0xEA) + combining acute (0xEC); ậ = â (0xE2) + combining dot below (0xF2).
    expect([...encodeCp1258('ế').bytes]).toEqual([0xea, 0xec]);
    expect([...encodeCp1258('ậ').bytes]).toEqual([0xe2, 0xf2]);
    expect([...encodeCp1258('Ữ').bytes]).toEqual([0xdd, 0xde]);
    expect([...encodeCp1258('ỷ').bytes]).toEqual([0x79, 0xd2]);
  });

  it('uses the code page letters that carry a tone already', () => {
    expect([...encodeCp1258('à').bytes]).toEqual([0xe0]);
    expect([...encodeCp1258('Ó').bytes]).toEqual([0xd3]);
    expect([...encodeCp1258('đ').bytes]).toEqual([0xf0]);
  });

  it('reports what it cannot print instead of dropping it silently', () => {
    const { bytes, unmappable } = encodeCp1258('Hà Nội 中');
    expect(unmappable).toEqual(['中']);
    expect(bytes[bytes.length - 1]).toBe(0x3f);
  });
});
