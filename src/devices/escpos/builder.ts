import * as cmd from './commands';
import { encodeCp1258 } from './cp1258';
import type { PrinterProfile } from './profile';

/**
 * Builds one ESC/POS job: chain commands, then take the bytes. Pure (no I/O); text goes out in the
 * printer's Vietnamese code page with its diacritics.
 */
export class EscPosBuilder {
  private readonly chunks: number[][] = [];
  private readonly missing = new Set<string>();

  constructor(readonly profile: PrinterProfile) {}

  /** ESC @ then the Vietnamese code table: every job starts from a known state. */
  initialise(): this {
    return this.push(cmd.initialise(), cmd.codeTable(this.profile.vietnameseCodeTable));
  }

  text(text: string): this {
    const { bytes, unmappable } = encodeCp1258(text.replace(/[\r\n]/g, ' '));
    for (const char of unmappable) this.missing.add(char);
    return this.push([...bytes]);
  }

  /** Text then a line feed. */
  line(text = ''): this {
    return this.text(text).push([cmd.LF]);
  }

  bold(on: boolean): this {
    return this.push(cmd.bold(on));
  }

  size(width: number, height: number): this {
    return this.push(cmd.characterSize(width, height));
  }

  align(alignment: cmd.Alignment): this {
    return this.push(cmd.align(alignment));
  }

  feed(lines: number): this {
    return this.push(cmd.feedLines(lines));
  }

  /** A native QR code (model 2), then a line feed to leave it. The payload goes as ASCII bytes. */
  qr(payload: string): this {
    if (!/^[\x20-\x7e]+$/.test(payload)) throw new RangeError('QR payload must be printable ASCII');
    return this.push(
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
    return this.push(cmd.rasterImage(widthBytes, height, rows));
  }

  /** Feed past the cutter and cut: the end of one slip. */
  cut(): this {
    return this.push(cmd.feedLines(this.profile.feedBeforeCut), cmd.feedAndCut(0));
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

  private push(...commands: number[][]): this {
    this.chunks.push(...commands);
    return this;
  }
}
