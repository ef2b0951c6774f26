import { decodeCp1258 } from '../../firmware-bridge/escpos';
import type { PrinterCommand } from './escpos-parser';

export type Alignment = 'left' | 'center' | 'right';

export interface TextStyle {
  bold: boolean;
  width: number;
  height: number;
  align: Alignment;
}

/** What a slip shows, top to bottom, as the print head would lay it down. */
export type SlipBlock =
  | ({ kind: 'text'; text: string } & TextStyle)
  | { kind: 'feed'; lines: number }
  | { kind: 'qr'; payload: string; moduleDots: number; level: 'L' | 'M' | 'Q' | 'H'; align: Alignment }
  | { kind: 'raster'; widthBytes: number; height: number; rows: Uint8Array; align: Alignment };

/** One cut-off slip as the simulated printer captured it. */
export interface PrintedSlip {
  blocks: SlipBlock[];
  /** The text lines, NFC, joined with "\n". */
  text: string;
  /** Every QR the slip was asked to print, as the payload string. */
  qrPayloads: string[];
  /** Commands the printer did not know and skipped. */
  unknownCommands: number;
}

export interface SlipAssemblerOptions {
  /** The ESC t table this printer treats as CP1258; other tables print bytes above 0x7f as '?'. */
  vietnameseCodeTable: number;
}

/**
 * Turns parsed commands into slips: text is buffered until a line feed (as a printer buffers a
 * line), styles are taken as they stand when a line is printed, and a cut closes the slip.
 */
export class SlipAssembler {
  private blocks: SlipBlock[] = [];
  private line: number[] = [];
  private style: TextStyle = defaultStyle();
  private table = 0;
  private qr: { moduleDots: number; level: 'L' | 'M' | 'Q' | 'H'; data: Uint8Array } = {
    moduleDots: 3,
    level: 'L',
    data: new Uint8Array(0),
  };
  private unknown = 0;

  constructor(private readonly options: SlipAssemblerOptions) {}

  /** Applies one command; returns the slip it finished, if it was a cut. */
  apply(command: PrinterCommand): PrintedSlip | null {
    switch (command.kind) {
      case 'text':
        this.line.push(...command.bytes);
        break;
      case 'line_feed':
        this.flushLine(true);
        break;
      case 'feed':
        this.flushLine(false);
        this.blocks.push({ kind: 'feed', lines: command.lines });
        break;
      case 'initialise':
        this.flushLine(false);
        this.style = defaultStyle();
        this.table = 0;
        break;
      case 'bold':
        this.style.bold = command.on;
        break;
      case 'print_mode':
        this.style.bold = command.bold;
        this.style.width = command.width;
        this.style.height = command.height;
        break;
      case 'size':
        this.style.width = command.width;
        this.style.height = command.height;
        break;
      case 'align':
        this.style.align = command.alignment;
        break;
      case 'code_table':
        this.table = command.table;
        break;
      case 'qr_module_size':
        this.qr.moduleDots = command.dots;
        break;
      case 'qr_error_correction':
        this.qr.level = command.level;
        break;
      case 'qr_store':
        this.qr.data = command.data;
        break;
      case 'qr_print':
        this.flushLine(false);
        this.blocks.push({
          kind: 'qr',
          payload: new TextDecoder().decode(this.qr.data),
          moduleDots: this.qr.moduleDots,
          level: this.qr.level,
          align: this.style.align,
        });
        break;
      case 'raster':
        this.flushLine(false);
        this.blocks.push({ ...command, align: this.style.align });
        break;
      case 'cut':
        return this.finishSlip();
      case 'unknown':
        this.unknown++;
        break;
      default:
        break;
    }
    return null;
  }

  private flushLine(evenIfEmpty: boolean): void {
    if (this.line.length === 0 && !evenIfEmpty) return;
    const bytes = Uint8Array.from(this.line);
    const text =
      this.table === this.options.vietnameseCodeTable
        ? decodeCp1258(bytes)
        : String.fromCharCode(...bytes.map((b) => (b < 0x80 ? b : 0x3f)));
    this.blocks.push({ kind: 'text', text, ...this.style });
    this.line = [];
  }

  private finishSlip(): PrintedSlip {
    this.flushLine(false);
    const blocks = this.blocks;
    const slip: PrintedSlip = {
      blocks,
      text: blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('\n'),
      qrPayloads: blocks.flatMap((b) => (b.kind === 'qr' ? [b.payload] : [])),
      unknownCommands: this.unknown,
    };
    this.blocks = [];
    this.unknown = 0;
    return slip;
  }
}

function defaultStyle(): TextStyle {
  return { bold: false, width: 1, height: 1, align: 'left' };
}
