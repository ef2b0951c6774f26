export * from '../../firmware-bridge/escpos';
export { DeviceError, type DeviceErrorCode } from './errors';
export * from './layouts';
export { type PrintResult, ReceiptPrinter, type ReceiptPrinterOptions } from './printer';
export { isStatusByte, type PaperStatus, paperStatusOf } from './printer-status';
export { type ScanLine, type ScanLineOptions, ScanLineReader } from './scan-lines';
export { DEFAULT_MAX_SCAN_BYTES, DEFAULT_SCANNER_BAUD, QrScanner, type QrScannerOptions } from './scanner';
