import { type LineStyle, textLineImage } from '../raster/draw-text';
import * as cmd from './commands';
import { encodeCp1258 } from './cp1258';
import type { PrinterProfile } from './profile';

/**
 * Builds one ESC/POS job: chain commands, then take the bytes. Pure (no I/O); text goes out in the
 * printer's Vietnamese code page with its diacritics, or, with a raster profile, as one picture per
 * line drawn with the receipt font.
 */
export class EscPosBuilder {
  private readonly chunks: number[][] = [];
  private readonly missing = new Set<string>();
  /** What the printer's modes are, so a line drawn as a picture looks as printed text would. */
  private readonly style: LineStyle = { bold: false, width: 1, height: 1, align: 'left' };
  private pendingRasterText = '';

  constructor(readonly profile: PrinterProfile) {}

  /** ESC @ then the Vietnamese code table: every job starts from a known state. */
  initialise(): this {
    this.push(cmd.initialise());
    if (this.profile.vietnameseText === 'raster') return this;
    return this.push(cmd.codeTable(this.profile.vietnameseCodeTable));
  }

  text(text: string): this {
    if (this.profile.vietnameseText === 'raster') {
      this.pendingRasterText += text.replace(/[\r\n]/g, ' ');
      return this;
    }
    const { bytes, unmappable } = encodeCp1258(text.replace(/[\r\n]/g, ' '));
    for (const char of unmappable) this.missing.add(char);
    return this.push([...bytes]);
  }

  /** Text then a line feed. */
  line(text = ''): this {
    this.text(text);
    if (this.pendingRasterText !== '') return this.flushRasterText();
    return this.push([cmd.LF]);
  }

  bold(on: boolean): this {
    this.style.bold = on;
    return this.push(cmd.bold(on));
  }

  size(width: number, height: number): this {
    this.style.width = width;
    this.style.height = height;
    return this.push(cmd.characterSize(width, height));
  }

  align(alignment: cmd.Alignment): this {
    this.style.align = alignment;
    return this.push(cmd.align(alignment));
  }

  feed(lines: number): this {
    return this.flushRasterText().push(cmd.feedLines(lines));
  }

  /** A native QR code (model 2), then a line feed to leave it. The payload goes as ASCII bytes. */
  qr(payload: string): this {
    if (!/^[\x20-\x7e]+$/.test(payload)) throw new RangeError('QR payload must be printable ASCII');
    return this.flushRasterText().push(
      cmd.qrModel2(),
      cmd.qrModuleSize(this.profile.qrModuleSize),
      cmd.qrErrorCorrection(this.profile.qrErrorCorrection),
      cmd.qrStore(new TextEncoder().encode(payload)),
      cmd.qrPrint(),
      [cmd.LF],
    );
  }

  /** A 1-bit picture (rows of `widthBytes`, MSB leftmost, 1 = black). */
  raster(widthBytes: number, height: number, rows: Uint8Array): this {
    return this.flushRasterText().push(cmd.rasterImage(widthBytes, height, rows));
  }

  /** Feed past the cutter and cut: the end of one slip. */
  cut(): this {
    return this.flushRasterText().push(cmd.feedLines(this.profile.feedBeforeCut), cmd.feedAndCut(0));
  }

  /** Characters the code page could not print (sent as '?'), for a warning in the log. */
  unmappable(): string[] {
    return [...this.missing];
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** In raster mode, text waits for the end of its line to be drawn; draw it now. */
  private flushRasterText(): this {
    if (this.pendingRasterText === '') return this;
    const image = textLineImage(this.pendingRasterText, this.style, this.profile.dotsPerLine);
    this.pendingRasterText = '';
    const { widthBytes, rows } = image.packRows();
    return this.push(cmd.rasterImage(widthBytes, image.height, rows));
  }

  private push(...commands: number[][]): this {
    this.chunks.push(...commands);
    return this;
  }
}
