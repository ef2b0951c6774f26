import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECEIPT_80MM, RECEIPT_80MM_RASTER } from '../../../firmware-bridge/escpos';
import { EscPosParser } from '../../../hardware-sim/printer/escpos-parser';
import { bitmapToPng } from '../../../hardware-sim/printer/png';
import { type PrintedSlip, SlipAssembler } from '../../../hardware-sim/printer/printed-slip';
import { renderSlip } from '../../../hardware-sim/printer/render-slip';
import { layoutReceipt } from '../../../src/devices/layouts';
import { SAMPLE_SLIP } from './sample-slip';

function slipOf(bytes: Uint8Array): PrintedSlip {
  const assembler = new SlipAssembler({ vietnameseCodeTable: RECEIPT_80MM.vietnameseCodeTable });
  const slips = new EscPosParser().push(bytes).flatMap((c) => assembler.apply(c) ?? []);
  expect(slips).toHaveLength(1);
  return slips[0]!;
}

describe('Vietnamese text as pictures, for printers without the code page', () => {
  const byCodePage = slipOf(layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM).bytes());
  const raster = layoutReceipt(SAMPLE_SLIP, RECEIPT_80MM_RASTER).bytes();
  const byRaster = slipOf(raster);

  it('sends no text bytes and no code table, one full-width picture a line, the QR still native', () => {
    expect(byRaster.blocks.filter((b) => b.kind === 'text' && b.text !== '')).toEqual([]);
    const pictures = byRaster.blocks.filter((b) => b.kind === 'raster');
    const printedLines = byCodePage.blocks.filter((b) => b.kind === 'text' && b.text !== '');
    expect(pictures).toHaveLength(printedLines.length);
    for (const p of pictures) expect(p).toMatchObject({ widthBytes: 72 });
    expect(byRaster.qrPayloads).toEqual([SAMPLE_SLIP.qrPayload]);
    expect(new EscPosParser().push(raster).some((c) => c.kind === 'code_table')).toBe(false);
  });

  it('draws each line dot for dot as the code page text would be drawn', () => {
    const a = renderSlip(byCodePage.blocks);
    const b = renderSlip(byRaster.blocks);
    const linesA = a.drawn.filter((d) => d.block.kind === 'text' && d.block.text !== '');
    const linesB = b.drawn.filter((d) => d.block.kind === 'raster');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/receipt-raster.png', bitmapToPng(b.page));
    let inked = 0;
    linesA.forEach((lineA, i) => {
      const lineB = linesB[i]!;
      expect(lineB.height).toBe(lineA.height);
      for (let y = 0; y < lineA.height; y++) {
        for (let x = 0; x < a.page.width; x++) {
          const dot = a.page.get(x, lineA.top + y);
          if (dot) inked++;
          if (dot !== b.page.get(x, lineB.top + y)) throw new Error(`line ${i} differs at ${x},${y}`);
        }
      }
    });
    expect(inked).toBeGreaterThan(5000);
  });
});
