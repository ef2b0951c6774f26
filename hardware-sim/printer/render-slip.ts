import QRCode from 'qrcode';
import { Bitmap, drawTextLine, leftEdge as edgeOn, LINE_DOTS } from '../../firmware-bridge/raster';
import type { Alignment, SlipBlock } from './printed-slip';

/** 80 mm paper at 203 dpi. */
export const DOTS_PER_LINE = 576;
const MARGIN_DOTS = 16;

const leftEdge = (align: Alignment, width: number) => edgeOn(align, DOTS_PER_LINE, width);

function drawQr(page: Bitmap, top: number, block: Extract<SlipBlock, { kind: 'qr' }>): number {
  const { modules } = QRCode.create(block.payload, { errorCorrectionLevel: block.level });
  const side = modules.size * block.moduleDots;
  const left = leftEdge(block.align, side);
  const quiet = 2 * block.moduleDots;
  page.ensureHeight(top + side + 2 * quiet);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const x = left + col * block.moduleDots;
      page.fillRect(x, top + quiet + row * block.moduleDots, block.moduleDots, block.moduleDots);
    }
  }
  return side + 2 * quiet;
}

function drawRaster(page: Bitmap, top: number, block: Extract<SlipBlock, { kind: 'raster' }>): number {
  const left = leftEdge(block.align, block.widthBytes * 8);
  page.ensureHeight(top + block.height);
  for (let y = 0; y < block.height; y++) {
    for (let x = 0; x < block.widthBytes * 8; x++) {
      const byte = block.rows[y * block.widthBytes + (x >> 3)]!;
      if (byte & (0x80 >> (x & 7))) page.set(left + x, top + y);
    }
  }
  return block.height;
}

/** Where a drawn block sits on the page, for checks against the picture. */
export interface DrawnBlock {
  block: SlipBlock;
  top: number;
  height: number;
}

/** Draws a slip as the print head would burn it: 576 dots wide, one bit per dot. */
export function renderSlip(blocks: readonly SlipBlock[]): { page: Bitmap; drawn: DrawnBlock[] } {
  const page = new Bitmap(DOTS_PER_LINE);
  const drawn: DrawnBlock[] = [];
  let y = MARGIN_DOTS;
  for (const block of blocks) {
    let height: number;
    if (block.kind === 'text') height = drawTextLine(page, y, block.text, block);
    else if (block.kind === 'qr') height = drawQr(page, y, block);
    else if (block.kind === 'raster') height = drawRaster(page, y, block);
    else height = block.lines * LINE_DOTS;
    drawn.push({ block, top: y, height });
    y += height;
  }
  page.ensureHeight(y + MARGIN_DOTS);
  return { page, drawn };
}
