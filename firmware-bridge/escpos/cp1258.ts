import iconv from 'iconv-lite';

/**
 * Vietnamese text for a printer's Windows-1258 code page (WPC1258). CP1258 holds the letters
 * with a shape mark (ă â ê ô ơ ư đ), a few letters with a tone (à á é ...) and the five tone marks
 * as combining characters, but not most toned letters (ế ữ ặ ...): those go out as the base
 * letter followed by its tone mark, which the printer overstrikes.
 */

/** The five tones that CP1258 carries as combining marks. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const COMBINING = /\p{M}/u;

/** Bytes CP1258 gives one character, or null when it has no byte for it. */
function singleByte(char: string): number | null {
  const bytes = iconv.encode(char, 'cp1258');
  if (bytes.length !== 1) return null;
  // iconv-lite writes '?' for a character it cannot map.
  if (bytes[0] === 0x3f && char !== '?') return null;
  return bytes[0]!;
}

/**
 * Splits NFD text into clusters: a base character and the combining marks that follow it.
 * Canonical order puts the dot below before the circumflex (ậ = a + dot + circumflex), so the
 * shape marks and the tone are separated by kind, not by position.
 */
function clusters(text: string): { base: string; shape: string; tone: string }[] {
  const out: { base: string; shape: string; tone: string }[] = [];
  for (const char of text.normalize('NFD')) {
    const last = out[out.length - 1];
    if (last && COMBINING.test(char)) {
      if (TONE_MARKS.has(char) && last.tone === '') last.tone = char;
      else last.shape += char;
    } else {
      out.push({ base: char, shape: '', tone: '' });
    }
  }
  return out;
}

export interface Cp1258Encoding {
  bytes: Uint8Array;
  /** Characters with no CP1258 form, printed as '?'. */
  unmappable: string[];
}

/** Encodes Unicode text (any normalisation form) for a CP1258 printer. */
export function encodeCp1258(text: string): Cp1258Encoding {
  const bytes: number[] = [];
  const unmappable: string[] = [];
  for (const { base, shape, tone } of clusters(text)) {
    const whole = (base + shape + tone).normalize('NFC');
    const wholeByte = whole.length === 1 ? singleByte(whole) : null;
    if (wholeByte !== null) {
      bytes.push(wholeByte);
      continue;
    }
    const letter = (base + shape).normalize('NFC');
    const letterBytes = [...letter].map(singleByte);
    if (letterBytes.some((b) => b === null)) {
      unmappable.push(whole);
      bytes.push(0x3f);
      continue;
    }
    bytes.push(...(letterBytes as number[]));
    if (tone !== '') bytes.push(singleByte(tone)!);
  }
  return { bytes: Uint8Array.from(bytes), unmappable };
}

/** Decodes what a CP1258 printer was sent back to Unicode NFC, the form the kiosk stores text in. */
export function decodeCp1258(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'cp1258').normalize('NFC');
}
