/**
 * Splits the byte stream a receipt printer receives into ESC/POS commands. Pure and incremental:
 * a command cut across two reads waits for its tail; a command it does not know is skipped by
 * its introducer (ESC x, GS x) and reported, so one unsupported command never derails the rest.
 */

export type PrinterCommand =
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'line_feed' }
  | { kind: 'feed'; lines: number }
  | { kind: 'initialise' }
  | { kind: 'bold'; on: boolean }
  | { kind: 'print_mode'; bold: boolean; width: number; height: number }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'align'; alignment: 'left' | 'center' | 'right' }
  | { kind: 'code_table'; table: number }
  | { kind: 'qr_model'; model: number }
  | { kind: 'qr_module_size'; dots: number }
  | { kind: 'qr_error_correction'; level: 'L' | 'M' | 'Q' | 'H' }
  | { kind: 'qr_store'; data: Uint8Array }
  | { kind: 'qr_print' }
  | { kind: 'raster'; widthBytes: number; height: number; rows: Uint8Array }
  | { kind: 'cut' }
  | { kind: 'status_request'; n: number }
  | { kind: 'skipped'; bytes: Uint8Array }
  | { kind: 'unknown'; bytes: Uint8Array };

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const LEVELS = ['L', 'M', 'Q', 'H'] as const;

/** ESC commands with one parameter byte that a receipt never needs to render (underline, font...). */
const ESC_ONE_PARAM_SKIPPED = new Set([0x20, 0x2d, 0x33, 0x47, 0x4a, 0x4d, 0x52, 0x56, 0x7b]);
/** GS commands with one parameter byte that do not change what a slip shows (barcode setup...). */
const GS_ONE_PARAM_SKIPPED = new Set([0x42, 0x48, 0x66, 0x68, 0x77]);

type Step = { command: PrinterCommand; length: number } | 'incomplete';

export class EscPosParser {
  private pending: Uint8Array = new Uint8Array(0);

  /** Feeds received bytes; returns every command they complete, in order. */
  push(chunk: Uint8Array): PrinterCommand[] {
    const buffer = new Uint8Array(this.pending.length + chunk.length);
    buffer.set(this.pending);
    buffer.set(chunk, this.pending.length);
    const out: PrinterCommand[] = [];
    let at = 0;
    while (at < buffer.length) {
      const step = parseAt(buffer, at);
      if (step === 'incomplete') break;
      out.push(step.command);
      at += step.length;
    }
    this.pending = buffer.slice(at);
    return out;
  }
}

function parseAt(b: Uint8Array, at: number): Step {
  const first = b[at]!;
  if (first === 0x0a) return { command: { kind: 'line_feed' }, length: 1 };
  if (first === ESC) return parseEsc(b, at);
  if (first === GS) return parseGs(b, at);
  if (first === DLE) {
    if (b.length < at + 3) return 'incomplete';
    if (b[at + 1] === 0x04) return { command: { kind: 'status_request', n: b[at + 2]! }, length: 3 };
    return unknown(b, at, 2);
  }
  if (first < 0x20 && first !== 0x09)
    return { command: { kind: 'skipped', bytes: b.slice(at, at + 1) }, length: 1 };
  let end = at;
  while (end < b.length && (b[end]! >= 0x20 || b[end] === 0x09) && b[end] !== 0x7f) end++;
  if (end === at) return { command: { kind: 'skipped', bytes: b.slice(at, at + 1) }, length: 1 };
  return { command: { kind: 'text', bytes: b.slice(at, end) }, length: end - at };
}

function unknown(b: Uint8Array, at: number, length: number): Step {
  return { command: { kind: 'unknown', bytes: b.slice(at, at + length) }, length };
}

function parseEsc(b: Uint8Array, at: number): Step {
  if (b.length < at + 2) return 'incomplete';
  const code = b[at + 1]!;
  if (code === 0x40) return { command: { kind: 'initialise' }, length: 2 };
  if (code === 0x32) return { command: { kind: 'skipped', bytes: b.slice(at, at + 2) }, length: 2 };
  if (b.length < at + 3) return 'incomplete';
  const n = b[at + 2]!;
  switch (code) {
    case 0x45:
      return { command: { kind: 'bold', on: (n & 1) === 1 }, length: 3 };
    case 0x21: // ESC ! n: bit 3 emphasised, bit 4 double height, bit 5 double width
      return {
        command: {
          kind: 'print_mode',
          bold: (n & 0x08) !== 0,
          width: n & 0x20 ? 2 : 1,
          height: n & 0x10 ? 2 : 1,
        },
        length: 3,
      };
    case 0x61: {
      const alignment = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
      return { command: { kind: 'align', alignment }, length: 3 };
    }
    case 0x74:
      return { command: { kind: 'code_table', table: n }, length: 3 };
    case 0x64:
      return { command: { kind: 'feed', lines: n }, length: 3 };
  }
  if (ESC_ONE_PARAM_SKIPPED.has(code))
    return { command: { kind: 'skipped', bytes: b.slice(at, at + 3) }, length: 3 };
  return unknown(b, at, 2);
}

function parseGs(b: Uint8Array, at: number): Step {
  if (b.length < at + 3) return 'incomplete';
  const code = b[at + 1]!;
  const n = b[at + 2]!;
  if (code === 0x21) {
    return { command: { kind: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 }, length: 3 };
  }
  if (code === 0x56) {
    const withFeed = n === 65 || n === 66 || n === 97 || n === 98 || n === 103 || n === 104;
    if (withFeed && b.length < at + 4) return 'incomplete';
    return { command: { kind: 'cut' }, length: withFeed ? 4 : 3 };
  }
  if (code === 0x28) return parseGsParen(b, at);
  if (code === 0x76 && n === 0x30) return parseRaster(b, at);
  if (GS_ONE_PARAM_SKIPPED.has(code))
    return { command: { kind: 'skipped', bytes: b.slice(at, at + 3) }, length: 3 };
  return unknown(b, at, 2);
}

/** GS ( fn pL pH ...: every function in this family states its length, so unknown ones skip cleanly. */
function parseGsParen(b: Uint8Array, at: number): Step {
  if (b.length < at + 5) return 'incomplete';
  const size = b[at + 3]! | (b[at + 4]! << 8);
  const length = 5 + size;
  if (b.length < at + length) return 'incomplete';
  const body = b.slice(at + 5, at + length);
  if (b[at + 2] !== 0x6b || body[0] !== 49)
    return { command: { kind: 'skipped', bytes: b.slice(at, at + length) }, length };
  const fn = body[1];
  const p = body[2] ?? 0;
  if (fn === 65) return { command: { kind: 'qr_model', model: p - 48 }, length };
  if (fn === 67) return { command: { kind: 'qr_module_size', dots: p }, length };
  if (fn === 69 && p >= 48 && p <= 51) {
    return { command: { kind: 'qr_error_correction', level: LEVELS[p - 48]! }, length };
  }
  if (fn === 80) return { command: { kind: 'qr_store', data: body.slice(3) }, length };
  if (fn === 81) return { command: { kind: 'qr_print' }, length };
  return { command: { kind: 'skipped', bytes: b.slice(at, at + length) }, length };
}

function parseRaster(b: Uint8Array, at: number): Step {
  if (b.length < at + 8) return 'incomplete';
  const widthBytes = b[at + 4]! | (b[at + 5]! << 8);
  const height = b[at + 6]! | (b[at + 7]! << 8);
  const length = 8 + widthBytes * height;
  if (b.length < at + length) return 'incomplete';
  return { command: { kind: 'raster', widthBytes, height, rows: b.slice(at + 8, at + length) }, length };
}
