import QRCode from 'qrcode';
import { Bitmap } from './bitmap';
import { ReceiptFont } from './fonts';
import type { Alignment, SlipBlock } from './printed-slip';
import { fillOutline } from './rasterise';

/** 80 mm paper at 203 dpi. */
export const DOTS_PER_LINE = 576;
/** Font A is 12 x 24 dots; the default line spacing is about 1/6 inch. */
const LINE_DOTS = 32;
const EM_DOTS = 22;
const BASELINE_DOTS = 23;
const MARGIN_DOTS = 16;

let fonts: { regular: ReceiptFont; bold: ReceiptFont } | null = null;
function loadFonts(): { regular: ReceiptFont; bold: ReceiptFont } {
  fonts ??= { regular: ReceiptFont.load(400), bold: ReceiptFont.load(700) };
  return fonts;
}

function leftEdge(align: Alignment, width: number): number {
  if (align === 'center') return Math.round((DOTS_PER_LINE - width) / 2);
  if (align === 'right') return DOTS_PER_LINE - width;
  return 0;
}

function drawText(page: Bitmap, top: number, block: Extract<SlipBlock, { kind: 'text' }>): number {
  const height = LINE_DOTS * block.height;
  page.ensureHeight(top + height);
  const shaped = (block.bold ? loadFonts().bold : loadFonts().regular).shape(block.text);
  const sx = (EM_DOTS * block.width) / shaped.unitsPerEm;
  const sy = (EM_DOTS * block.height) / shaped.unitsPerEm;
  const left = leftEdge(block.align, Math.min(DOTS_PER_LINE, Math.ceil(shaped.width * sx)));
  const baseline = top + BASELINE_DOTS * block.height;
  for (const g of shaped.glyphs) {
    fillOutline(page, g.path.commands, {
      dx: left + (g.x + g.xOffset) * sx,
      dy: baseline - g.yOffset * sy,
      sx,
      sy,
    });
  }
  return height;
}

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
    if (block.kind === 'text') height = drawText(page, y, block);
    else if (block.kind === 'qr') height = drawQr(page, y, block);
    else if (block.kind === 'raster') height = drawRaster(page, y, block);
    else height = block.lines * LINE_DOTS;
    drawn.push({ block, top: y, height });
    y += height;
  }
  page.ensureHeight(y + MARGIN_DOTS);
  return { page, drawn };
}
