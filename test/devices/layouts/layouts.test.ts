import { describe, expect, it } from 'vitest';
import { EscPosParser } from '../../../hardware-sim/printer/escpos-parser';
import { type PrintedSlip, SlipAssembler } from '../../../hardware-sim/printer/printed-slip';
import {
  type ApologyLetter,
  apologyParagraphs,
  layoutApologyLetter,
  layoutReceipt,
  RECEIPT_80MM,
  wrapText,
} from '../../../src/devices';
import { SAMPLE_SLIP } from './sample-slip';

function slipsOf(bytes: Uint8Array): PrintedSlip[] {
  const assembler = new SlipAssembler({ vietnameseCodeTable: RECEIPT_80MM.vietnameseCodeTable });
  return new EscPosParser().push(bytes).flatMap((c) => assembler.apply(c) ?? []);
}

const textLines = (slip: PrintedSlip) => slip.blocks.flatMap((b) => (b.kind === 'text' ? [b] : []));

describe('the drop-off receipt layout', () => {
  const [slip, ...rest] = slipsOf(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes());

  it('is one slip, cut once, with nothing the printer does not know', () => {
    expect(slip).toBeDefined();
    expect(rest).toEqual([]);
    expect(slip!.unknownCommands).toBe(0);
  });

  it('prints the number large, both procedure names, the date, the door and the kiosk', () => {
    const lines = textLines(slip!);
    const number = lines.find((l) => l.text === SAMPLE_SLIP.receiptDisplay);
    expect(number).toMatchObject({ width: 2, height: 2, bold: true, align: 'center' });
    const flat = lines.map((l) => l.text).join(' ');
    expect(flat).toContain(SAMPLE_SLIP.procedureVi);
    expect(flat).toContain(SAMPLE_SLIP.procedureEn);
    expect(flat).toContain('28/11/2026');
    expect(flat).toContain('Ô tủ / Door: 17');
    expect(flat).toContain(SAMPLE_SLIP.kioskName);
  });

  it('carries the pickup secret only in the QR, never as printed text', () => {
    expect(slip!.qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
    expect(slip!.text).not.toContain(SAMPLE_SLIP.qrPayload.split('.')[2]);
  });

  it('fits every line in the 48 columns of 80 mm paper', () => {
    for (const line of textLines(slip!)) {
      expect([...line.text].length * line.width, line.text).toBeLessThanOrEqual(RECEIPT_80MM.columns);
    }
  });
});

describe('the apology letter layout', () => {
  const letter: ApologyLetter = {
    kioskName: 'UBND Quận Hoàn Kiếm',
    receiptDisplay: '061-261121-0042-7',
    procedureVi: 'Đăng ký khai sinh',
    appointmentDate: '2026-11-28',
    newAppointmentDate: '2026-12-03',
    reasonVi: 'Hồ sơ cần xác minh thêm thông tin với Sở Tư pháp.',
    signatory: 'Trưởng bộ phận một cửa',
    issuedOn: '2026-11-27',
  };
  const [slip] = slipsOf(layoutApologyLetter(letter, RECEIPT_80MM).bytes());

  it('prints every paragraph in full, with its diacritics, wrapped to the paper', () => {
    const printed = textLines(slip!)
      .map((l) => l.text)
      .join(' ');
    for (const paragraph of apologyParagraphs(letter)) expect(printed).toContain(paragraph);
    expect(printed).toContain('THƯ XIN LỖI');
    expect(printed).toContain('03/12/2026');
    for (const line of textLines(slip!)) expect([...line.text].length * line.width).toBeLessThanOrEqual(48);
  });
});

describe('word wrap', () => {
  it('keeps words whole, counts a toned letter as one cell and splits a word longer than a line', () => {
    expect(wrapText('Thủ tục hành chính', 9)).toEqual(['Thủ tục', 'hành', 'chính']);
    expect(wrapText('Thủ tục'.normalize('NFD'), 7)).toEqual(['Thủ tục']);
    expect(wrapText('abcdefghij xy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
  });
});
