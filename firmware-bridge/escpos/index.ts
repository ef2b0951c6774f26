/**
 * ESC/POS as our receipt printers speak it: the command bytes, a builder, the WPC1258 code page
 * for Vietnamese and the printer profiles. The daemon prints with it and the simulated printer
 * checks what it reads against it. What a receipt says lives in src/devices/layouts.
 */
export { EscPosBuilder } from './builder';
export type { Alignment, QrErrorCorrection } from './commands';
export * as escpos from './commands';
export { type Cp1258Encoding, decodeCp1258, encodeCp1258 } from './cp1258';
export { type PrinterProfile, RECEIPT_80MM, RECEIPT_80MM_RASTER } from './profile';
