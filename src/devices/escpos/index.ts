export { type ApologyLetter, apologyParagraphs, layoutApologyLetter } from './apology-layout';
export { EscPosBuilder } from './builder';
export type { Alignment, QrErrorCorrection } from './commands';
export * as escpos from './commands';
export { type Cp1258Encoding, decodeCp1258, encodeCp1258 } from './cp1258';
export { type PrinterProfile, RECEIPT_80MM, RECEIPT_80MM_RASTER } from './profile';
export { layoutReceipt, type ReceiptSlip } from './receipt-layout';
export { vietnameseDate, wrapText } from './wrap';
