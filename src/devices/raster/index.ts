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
