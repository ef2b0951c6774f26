import { Bitmap } from './bitmap';
import { ReceiptFont } from './fonts';
import { fillOutline } from './rasterise';

export type TextAlignment = 'left' | 'center' | 'right';

export interface LineStyle {
  bold: boolean;
  /** Character width and height multipliers, as GS ! sets them. */
  width: number;
  height: number;
  align: TextAlignment;
}

/** A font A line is 24 dots tall; with the default spacing a line takes about 1/6 inch. */
export const LINE_DOTS = 32;
const EM_DOTS = 22;
const BASELINE_DOTS = 23;

let fonts: { regular: ReceiptFont; bold: ReceiptFont } | null = null;
function loadFonts(): { regular: ReceiptFont; bold: ReceiptFont } {
  fonts ??= { regular: ReceiptFont.load(400), bold: ReceiptFont.load(700) };
  return fonts;
}

export function leftEdge(align: TextAlignment, pageWidth: number, width: number): number {
  if (align === 'center') return Math.round((pageWidth - width) / 2);
  if (align === 'right') return pageWidth - width;
  return 0;
}

/** Draws one line of text with its top at `top`; returns the dots it takes down the page. */
export function drawTextLine(page: Bitmap, top: number, text: string, style: LineStyle): number {
  const height = LINE_DOTS * style.height;
  page.ensureHeight(top + height);
  const shaped = (style.bold ? loadFonts().bold : loadFonts().regular).shape(text);
  const sx = (EM_DOTS * style.width) / shaped.unitsPerEm;
  const sy = (EM_DOTS * style.height) / shaped.unitsPerEm;
  const left = leftEdge(style.align, page.width, Math.min(page.width, Math.ceil(shaped.width * sx)));
  const baseline = top + BASELINE_DOTS * style.height;
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

/** One line as a picture the width of the paper, for printers without a Vietnamese code page. */
export function textLineImage(text: string, style: LineStyle, dotsPerLine: number): Bitmap {
  const page = new Bitmap(dotsPerLine);
  drawTextLine(page, 0, text, style);
  return page;
}
