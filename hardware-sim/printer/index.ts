export { EscPosParser, type PrinterCommand } from './escpos-parser';
export { bitmapToPng } from './png';
export { type PrintedSlip, SlipAssembler, type SlipBlock } from './printed-slip';
export { type CapturedSlip, SimulatedPrinter, type SimulatedPrinterOptions } from './printer-sim';
export { DOTS_PER_LINE, type DrawnBlock, renderSlip } from './render-slip';
