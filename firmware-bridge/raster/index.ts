/**
 * Vietnamese text drawn as 1-bit pictures: for printers without the WPC1258 code page, and for the
 * simulated printer's pictures of what it printed.
 */
export { Bitmap } from './bitmap';
export {
  drawTextLine,
  LINE_DOTS,
  type LineStyle,
  leftEdge,
  type TextAlignment,
  textLineImage,
} from './draw-text';
export { ReceiptFont, type ShapedText } from './fonts';
export { fillOutline, type PathCommand, type Placement } from './rasterise';
