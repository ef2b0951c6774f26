import { describe, expect, it } from 'vitest';
import { RECEIPT_80MM } from '../../../firmware-bridge/escpos';
import { EscPosParser, type PrinterCommand } from '../../../hardware-sim/printer/escpos-parser';
import { SlipAssembler } from '../../../hardware-sim/printer/printed-slip';
import { layoutReceipt } from '../../../src/devices/layouts';
import { SAMPLE_SLIP } from '../../devices/layouts/sample-slip';

const receiptBytes = layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes();

/** Text runs may arrive in pieces; join neighbours so two parses compare by meaning. */
function normalised(commands: PrinterCommand[]): PrinterCommand[] {
  const out: PrinterCommand[] = [];
  for (const c of commands) {
    const last = out[out.length - 1];
    if (c.kind === 'text' && last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', bytes: Uint8Array.from([...last.bytes, ...c.bytes]) };
    } else out.push(c);
  }
  return out;
}

describe('the simulated printer parsing ESC/POS', () => {
  it('reads the same commands whatever way the stream is cut', () => {
    const whole = normalised(new EscPosParser().push(receiptBytes));
    for (let cut = 1; cut < receiptBytes.length; cut += 7) {
      const parser = new EscPosParser();
      const pieces = [
        ...parser.push(receiptBytes.subarray(0, cut)),
        ...parser.push(receiptBytes.subarray(cut)),
      ];
      expect(normalised(pieces)).toEqual(whole);
    }
    const byteByByte = new EscPosParser();
    const single = [...receiptBytes].flatMap((b) => byteByByte.push(Uint8Array.of(b)));
    expect(normalised(single)).toEqual(whole);
  });

  it('skips commands it does not know, counts them and prints the text after them', () => {
    const stream = Uint8Array.from([
      0x1b,
      0x40,
      0x1b,
      0x74,
      52,
      0x1b,
      0x7e, // ESC ~: no such command
      0x1d,
      0x7c, // GS |: no such command
      ...Buffer.from('Hello'),
      0x1d,
      0x28,
      0x4c,
      0x02,
      0x00,
      0x30,
      0x32, // GS ( L: a graphics function, skipped by its length
      0x0a,
      0x1d,
      0x56,
      0x00,
    ]);
    const assembler = new SlipAssembler({ vietnameseCodeTable: 52 });
    const slips = new EscPosParser().push(stream).flatMap((c) => assembler.apply(c) ?? []);
    expect(slips).toHaveLength(1);
    expect(slips[0]!.text).toBe('Hello');
    expect(slips[0]!.unknownCommands).toBe(2);
  });

  it('splits slips at each cut', () => {
    const assembler = new SlipAssembler({ vietnameseCodeTable: RECEIPT_80MM.vietnameseCodeTable });
    const twice = Uint8Array.from([...receiptBytes, ...receiptBytes]);
    const slips = new EscPosParser().push(twice).flatMap((c) => assembler.apply(c) ?? []);
    expect(slips).toHaveLength(2);
    expect(slips[1]!.text).toBe(slips[0]!.text);
    expect(slips.map((s) => s.qrPayloads)).toEqual([[SAMPLE_SLIP.qrPayload], [SAMPLE_SLIP.qrPayload]]);
  });

  it('answers nothing itself but reports a DLE EOT status request', () => {
    expect(new EscPosParser().push(Uint8Array.of(0x10, 0x04, 0x04))).toEqual([
      { kind: 'status_request', n: 4 },
    ]);
  });

  it('takes ESC ! as bold and double size, as other drivers send it', () => {
    const assembler = new SlipAssembler({ vietnameseCodeTable: 52 });
    const stream = Uint8Array.from([0x1b, 0x21, 0x38, ...Buffer.from('BIG'), 0x0a, 0x1d, 0x56, 0x01]);
    const [slip] = new EscPosParser().push(stream).flatMap((c) => assembler.apply(c) ?? []);
    expect(slip!.blocks[0]).toMatchObject({ kind: 'text', text: 'BIG', bold: true, width: 2, height: 2 });
  });
});
