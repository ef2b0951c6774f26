/**
 * Text a person types (an applicant's name, a technician's reason) as the kiosk stores and prints
 * it: NFC-normalised, so "Nguyễn" typed with combining marks (NFD, as some keyboards send it) and
 * precomposed is one name, and free of characters that change how text around them reads:
 * - control characters (C0, DEL, C1), NUL included: they break receipts and exports;
 * - bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the marks
 *   U+200E/U+200F/U+061C: "Trojan Source"-style reordering of what staff read on a list;
 * - zero-width and invisible characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+180E, U+00AD):
 *   two names that look the same but differ.
 */
const FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

export type TypedText = { ok: true; text: string } | { ok: false };

export function typedText(raw: string): TypedText {
  const text = raw.normalize('NFC');
  if (FORBIDDEN.test(text)) return { ok: false };
  return { ok: true, text };
}
