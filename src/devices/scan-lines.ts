import { ReadlineParser } from '@serialport/parser-readline';

/** One thing that came off the scanner's line: a scan, or a line that cannot be one. */
export type ScanLine =
  | { kind: 'scan'; text: string }
  | { kind: 'garbled'; length: number }
  | { kind: 'too_long'; length: number };

export interface ScanLineOptions {
  /** Longest line accepted, in bytes; longer ones are dropped and reported. */
  maxLineBytes: number;
}

/**
 * Turns the scanner's bytes into lines. Scanners end a scan with CR, LF or CR LF depending on
 * their setup, so CR is read as LF and the empty line a CR LF leaves is ignored. A line with no
 * terminator in sight is cut off at the bound rather than buffered without end.
 */
export class ScanLineReader {
  private readonly parser = new ReadlineParser({ delimiter: '\n', encoding: 'latin1' });
  private lineBytes = 0;
  private overflowing = false;

  constructor(
    private readonly options: ScanLineOptions,
    private readonly emit: (line: ScanLine) => void,
  ) {
    this.parser.on('data', (line: string) => this.onLine(line));
  }

  push(chunk: Uint8Array): void {
    // Markers for the parser start or end with NUL; a NUL from the wire (garbled anyway) becomes SOH.
    const kept: number[] = [];
    for (const raw of chunk) {
      const byte = raw === 0x0d ? 0x0a : raw === 0x00 ? 0x01 : raw;
      if (byte === 0x0a) {
        if (this.overflowing) kept.push(0x00, ...Buffer.from(String(this.lineBytes)), 0x0a);
        else kept.push(byte);
        this.lineBytes = 0;
        this.overflowing = false;
        continue;
      }
      this.lineBytes++;
      if (this.overflowing) continue;
      if (this.lineBytes > this.options.maxLineBytes) {
        // End the head the parser holds with a NUL so it is dropped, and skip to the terminator.
        this.overflowing = true;
        kept.push(0x00, 0x0a);
        continue;
      }
      kept.push(byte);
    }
    // Everything goes through the parser, so what is reported keeps the order it arrived in.
    if (kept.length > 0) this.parser.write(Buffer.from(kept));
  }

  private onLine(line: string): void {
    if (line.endsWith('\u0000')) return; // the discarded head of an over-long line
    if (line.startsWith('\u0000')) {
      this.emit({ kind: 'too_long', length: Number(line.slice(1)) });
      return;
    }
    if (line === '') return;
    // Lines come out of the parser byte for byte (latin1); only whole, clean UTF-8 is a scan.
    const raw = Buffer.from(line, 'latin1');
    const text = strictUtf8(raw);
    if (text === null || hasControl(text)) {
      this.emit({ kind: 'garbled', length: raw.length });
      return;
    }
    this.emit({ kind: 'scan', text });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters (tab aside) never come from a printed code. */
function hasControl(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}
