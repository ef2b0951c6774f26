import type { QrErrorCorrection } from './commands';

/**
 * What differs between printer models. The ESC t number of the Vietnamese code page is not
 * standard: WPC1258 is table 52 in Epson's numbering, other makers number their tables their own
 * way. Read it from the model's self-test page and put it in configuration.
 */
export interface PrinterProfile {
  /**
   * How Vietnamese text reaches the paper: through the CP1258 code page, or drawn as a picture
   * (GS v 0) for models that have no Vietnamese table. Pictures are about 2.3 KB a line: fine over
   * USB or TCP, slow over a 19200 baud serial link.
   */
  vietnameseText: 'code_page' | 'raster';
  /** ESC t n selecting the printer's CP1258 (WPC1258) table. */
  vietnameseCodeTable: number;
  /** Characters per line at font A: 48 on 80 mm paper (576 dots), 32 on 58 mm. */
  columns: number;
  /** Dots per line: 576 on 80 mm paper at 203 dpi. */
  dotsPerLine: number;
  qrModuleSize: number;
  qrErrorCorrection: QrErrorCorrection;
  /** Lines fed before the cut, so the last printed line clears the cutter. */
  feedBeforeCut: number;
}

export const RECEIPT_80MM: PrinterProfile = {
  vietnameseText: 'code_page',
  vietnameseCodeTable: 52,
  columns: 48,
  dotsPerLine: 576,
  qrModuleSize: 6,
  qrErrorCorrection: 'M',
  feedBeforeCut: 4,
};

/** The same paper, for a model without a Vietnamese code page: text goes out as pictures. */
export const RECEIPT_80MM_RASTER: PrinterProfile = { ...RECEIPT_80MM, vietnameseText: 'raster' };
