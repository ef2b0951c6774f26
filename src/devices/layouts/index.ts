export { type ApologyLetter, apologyParagraphs, layoutApologyLetter } from './apology-layout';
export { layoutReceipt, type ReceiptSlip } from './receipt-layout';
export { vietnameseDate, wrapText } from './wrap';
