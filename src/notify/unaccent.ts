/**
 * Vietnamese without diacritics, as SMS in Vietnam is commonly sent: tone marks and the
 * breve/circumflex/horn are combining marks once the text is decomposed (NFD), so they drop out;
 * đ/Đ is a letter of its own (no decomposition) and maps to d/D by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function stripVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
