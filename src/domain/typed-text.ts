/**
 * Text a person types (an applicant's name, a technician's reason) as the kiosk stores and prints
 * it: NFC-normalised, so "Nguyễn" typed with combining marks (NFD, as some keyboards send it) and
 * precomposed is one name, and free of characters that change how the text around them reads:
 * - control characters (Unicode Cc: C0, DEL, C1), NUL included: they break receipts and exports;
 * - format characters (Unicode Cf): the bidi embeddings, overrides and isolates (U+202A-U+202E,
 *   U+2066-U+2069) that reorder what staff read on a list ("Trojan Source"), the zero-width ones
 *   (U+200B-U+200D, U+2060, U+FEFF) that make two names look alike, the soft hyphen;
 * - line and paragraph separators (U+2028, U+2029), and lone surrogates (broken UTF-16 in JSON).
 * Vietnamese letters, with or without combining marks, are letters and marks (L, M): never refused.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

export type TypedText = { ok: true; text: string } | { ok: false };

export function typedText(raw: string): TypedText {
  const text = raw.normalize('NFC');
  if (FORBIDDEN.test(text)) return { ok: false };
  return { ok: true, text };
}
