import { hexValue } from './grammar';

/** A grammar failure inside the parser, turned into a LineParseError at the top. */
export class Malformed {
  constructor(readonly detail: string) {}
}

const SPACE = 0x20;

/**
 * Reads the space-separated fields of one line's text straight from its bytes: the parser runs
 * for every line on a busy bus, and slicing strings per field costs more than the CRC does.
 * Fields are separated by exactly one space; an empty field (two spaces, a trailing space) is
 * malformed, which keeps every line to a single spelling.
 */
export class FieldCursor {
  private pos: number;
  private start = 0;
  private stop = 0;

  constructor(
    private readonly bytes: Uint8Array,
    from: number,
    private readonly end: number,
  ) {
    this.pos = from;
  }

  /** Advance to the next field; malformed when there is none. */
  next(): this {
    const bytes = this.bytes;
    const start = this.pos;
    let pos = start;
    while (pos < this.end && bytes[pos] !== SPACE) pos++;
    if (pos === start) throw new Malformed(start >= this.end ? 'a field is missing' : 'empty field');
    this.start = start;
    this.stop = pos;
    this.pos = pos < this.end ? pos + 1 : pos;
    return this;
  }

  /** Malformed unless the field just read was the last one and ended the text. */
  done(): void {
    if (this.stop !== this.end) throw new Malformed('more fields than the message has, or a trailing space');
  }

  /** The field equals this ASCII word. */
  is(word: Uint8Array): boolean {
    const end = this.stop;
    if (end - this.start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.bytes[this.start + i] !== word[i]) return false;
    return true;
  }

  /** Decimal without leading zeros, 0..65535. */
  decimal(): number {
    const end = this.stop;
    const n = end - this.start;
    if (n > 5 || (n > 1 && this.bytes[this.start] === 0x30)) throw new Malformed('not a decimal 0..65535');
    let value = 0;
    for (let i = this.start; i < end; i++) {
      const digit = this.bytes[i]! - 0x30;
      if (digit < 0 || digit > 9) throw new Malformed('not a decimal 0..65535');
      value = value * 10 + digit;
    }
    if (value > 0xffff) throw new Malformed('not a decimal 0..65535');
    return value;
  }

  /** Exactly four upper-case hex digits. */
  hex4(): number {
    const end = this.stop;
    if (end - this.start !== 4) throw new Malformed('not 4 upper-case hex digits');
    let value = 0;
    for (let i = this.start; i < end; i++) {
      const nibble = hexValue(this.bytes[i]!);
      if (nibble < 0) throw new Malformed('not 4 upper-case hex digits');
      value = (value << 4) | nibble;
    }
    return value;
  }

  /** The spelling among `words` that the field equals, or null: no string is built for it. */
  pick<T extends string>(words: readonly Spelled<T>[]): T | null {
    for (const w of words) if (this.is(w.bytes)) return w.text;
    return null;
  }

  /** The field is exactly this one byte. */
  isByte(byte: number): boolean {
    return this.stop - this.start === 1 && this.bytes[this.start] === byte;
  }

  text(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString(
      'latin1',
      this.start,
      this.stop,
    );
  }
}

export function word(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** A word's bytes beside its string, so a match returns the one string shared by every line. */
export interface Spelled<T extends string> {
  bytes: Uint8Array;
  text: T;
}

export function spelled<T extends string>(texts: readonly T[]): Spelled<T>[] {
  return texts.map((text) => ({ bytes: word(text), text }));
}
