import { LineSplitter } from '../../firmware-bridge/line-splitter';

/** One thing that came off the scanner's line: a scan, or a line that cannot be one. */
export type ScanLine =
  | { kind: 'scan'; text: string }
  | { kind: 'garbled'; length: number }
  | { kind: 'too_long'; length: number };

export interface ScanLineOptions {
  /** Longest line accepted, in bytes; longer ones are dropped and reported. */
  maxLineBytes: number;
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Turns the scanner's bytes into lines. Scanners end a scan with CR, LF or CR LF depending on
 * their setup, so CR is read as LF and the empty line a CR LF leaves is ignored. A line with no
 * terminator in sight is cut off at the bound rather than buffered without end, and reported
 * once, with its whole length, when its terminator comes.
 */
export class ScanLineReader {
  private readonly splitter: LineSplitter;
  /** Bytes of the current line already thrown away for being past the bound. */
  private dropped = 0;

  constructor(
    private readonly options: ScanLineOptions,
    private readonly emit: (line: ScanLine) => void,
  ) {
    this.splitter = new LineSplitter(
      { delimiter: LF, maxHeldBytes: options.maxLineBytes },
      {
        line: (line) => this.onLine(line.subarray(0, line.length - 1)),
        discard: (bytes) => {
          this.dropped += bytes.length;
        },
      },
    );
  }

  push(chunk: Uint8Array): void {
    this.splitter.push(chunk.includes(CR) ? chunk.map((byte) => (byte === CR ? LF : byte)) : chunk);
  }

  private onLine(raw: Buffer): void {
    const length = this.dropped + raw.length;
    this.dropped = 0;
    if (length > this.options.maxLineBytes) {
      this.emit({ kind: 'too_long', length });
      return;
    }
    if (length === 0) return;
    // Only whole, clean UTF-8 is a scan.
    const text = strictUtf8(raw);
    if (text === null || hasControl(text)) {
      this.emit({ kind: 'garbled', length });
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
