/**
 * ESC/POS command bytes, as the Epson command reference defines them. Pure builders: each returns
 * the bytes of one command and checks its own ranges, so a bad argument fails here and not as a
 * garbled receipt.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const LF = 0x0a;

export type Alignment = 'left' | 'center' | 'right';

/** QR error correction levels L, M, Q, H (about 7, 15, 25 and 30 % of the symbol recoverable). */
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

function byteIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

/** ESC @: clears the buffer and every mode back to the power-on defaults. */
export const initialise = (): number[] => [ESC, 0x40];

/** ESC E n: emphasised (bold) on or off. */
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];

/** GS ! n: character size, width and height multipliers 1..8 each. */
export function characterSize(width: number, height: number): number[] {
  const w = byteIn('width', width, 1, 8) - 1;
  const h = byteIn('height', height, 1, 8) - 1;
  return [GS, 0x21, (w << 4) | h];
}

/** ESC a n: justification; takes effect only at the start of a line. */
export function align(alignment: Alignment): number[] {
  return [ESC, 0x61, alignment === 'left' ? 0 : alignment === 'center' ? 1 : 2];
}

/** ESC t n: select the character code table. The number of a given code page differs by model. */
export const codeTable = (table: number): number[] => [ESC, 0x74, byteIn('code table', table, 0, 255)];

/** ESC d n: print the buffer and feed n lines. */
export const feedLines = (lines: number): number[] => [ESC, 0x64, byteIn('lines', lines, 0, 255)];

/** GS V 66 n: feed n dots past the cutter, then a partial cut (the slip stays hanging, not dropped). */
export const feedAndCut = (feedDots = 0): number[] => [GS, 0x56, 66, byteIn('feed', feedDots, 0, 255)];

/** DLE EOT n: real-time status; n = 4 asks for the roll paper sensor. Answered with one byte. */
export const realtimeStatus = (n: 1 | 2 | 3 | 4): number[] => [DLE, 0x04, n];

/** GS ( k pL pH cn fn [params]: the 2D symbol function family, cn = 49 for QR Code. */
function qrFunction(fn: number, params: readonly number[]): number[] {
  const length = params.length + 2; // cn and fn count towards pL pH
  return [GS, 0x28, 0x6b, length & 0xff, length >> 8, 49, fn, ...params];
}

/** Function 165: select model 2 (n1 = 50), the model every current scanner reads. */
export const qrModel2 = (): number[] => qrFunction(65, [50, 0]);

/** Function 167: module size in dots, 1..16. */
export const qrModuleSize = (dots: number): number[] => qrFunction(67, [byteIn('module size', dots, 1, 16)]);

const LEVELS: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Function 169: error correction level. */
export const qrErrorCorrection = (level: QrErrorCorrection): number[] => qrFunction(69, [LEVELS[level]]);

/** Function 180: store the symbol data (m = 48); pL pH count the data plus cn, fn and m. */
export function qrStore(data: Uint8Array): number[] {
  if (data.length === 0 || data.length > 7089) throw new RangeError('QR data must be 1..7089 bytes');
  return qrFunction(80, [48, ...data]);
}

/** Function 181: print the stored symbol (m = 48). */
export const qrPrint = (): number[] => qrFunction(81, [48]);

/**
 * GS v 0 m xL xH yL yH d...: a raster bit image, `widthBytes` bytes per row (MSB = leftmost dot,
 * 1 = black), for printers without a Vietnamese code page.
 */
export function rasterImage(widthBytes: number, height: number, rows: Uint8Array): number[] {
  byteIn('width in bytes', widthBytes, 1, 0xffff);
  byteIn('height', height, 1, 0xffff);
  if (rows.length !== widthBytes * height) throw new RangeError('raster data does not match its size');
  const header = [GS, 0x76, 0x30, 0, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8];
  return [...header, ...rows];
}
