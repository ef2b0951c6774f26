// @ts-check
/**
 * Vietnamese letters typed on the on-screen keyboard: the marked vowels (ă â ê ô ơ ư) and đ are
 * keys of their own, and the five tones are keys applied to the word being typed, placed on the
 * vowel a Vietnamese reader expects. Text comes out in NFC, the form the ledger stores and prints.
 */

/** @typedef {'sac' | 'huyen' | 'hoi' | 'nga' | 'nang'} Tone */

/** @type {Record<Tone, string>} */
export const TONE_MARKS = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
};

/** @type {readonly Tone[]} */
export const TONES = ['sac', 'huyen', 'hoi', 'nga', 'nang'];

const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHAPE_RE = /[\u0302\u0306\u031b]/; // circumflex, breve, horn: ă â ê ô ơ ư
const VOWELS = 'aeiouy';

/** A letter without its tone (its shape mark kept): ệ -> ê. */
export function withoutTone(/** @type {string} */ ch) {
  return ch.normalize('NFD').replace(TONE_RE, '').normalize('NFC');
}

/** @param {string} ch */
function baseLetter(ch) {
  return ch.normalize('NFD').charAt(0).toLowerCase();
}

/** @param {string} ch */
function isVowel(ch) {
  return VOWELS.includes(baseLetter(ch));
}

/** @param {string} ch */
function isShaped(ch) {
  return SHAPE_RE.test(ch.normalize('NFD'));
}

/**
 * Which letter of a word carries the tone, or -1 when the word has no vowel.
 * Rules: a shaped vowel takes it (the last one: ươ -> ơ); "gi" and "qu" are consonants before
 * another vowel; a lone vowel takes it; in a cluster followed by a final consonant the last vowel
 * takes it (hoàn, tiến); an open cluster of two puts it on the first (hòa, mùa, tài), of three
 * on the middle (ngoài).
 * @param {readonly string[]} letters
 */
export function tonePosition(letters) {
  let start = letters.findIndex(isVowel);
  if (start < 0) return -1;
  let end = start;
  while (end + 1 < letters.length && isVowel(/** @type {string} */ (letters[end + 1]))) end++;
  const prev = start > 0 ? baseLetter(/** @type {string} */ (letters[start - 1])) : '';
  const first = baseLetter(/** @type {string} */ (letters[start]));
  if (end > start && ((prev === 'q' && first === 'u') || (prev === 'g' && first === 'i'))) start++;
  for (let i = end; i >= start; i--) if (isShaped(/** @type {string} */ (letters[i]))) return i;
  const size = end - start + 1;
  if (size === 1) return start;
  if (end < letters.length - 1) return end;
  return size === 2 ? start : start + 1;
}

/**
 * Puts a tone on the last word of the text (the one being typed), replacing the tone it had.
 * The same tone twice takes it off, as on phone keyboards. Returns the text unchanged when the
 * word has no vowel.
 * @param {string} text
 * @param {Tone} tone
 */
export function applyTone(text, tone) {
  const cut = text.search(/[^\s]*$/);
  const head = text.slice(0, cut);
  const letters = Array.from(text.slice(cut).normalize('NFC'));
  const at = tonePosition(letters);
  if (at < 0) return text;
  const target = /** @type {string} */ (letters[at]);
  const hadSame = target.normalize('NFD').includes(TONE_MARKS[tone]);
  const bare = letters.map(withoutTone);
  if (!hadSame) bare[at] = `${bare[at]}${TONE_MARKS[tone]}`.normalize('NFC');
  return (head + bare.join('')).normalize('NFC');
}

/** The tone a key shows, drawn on the letter a: á à ả ã ạ. */
export function toneSample(/** @type {Tone} */ tone) {
  return `a${TONE_MARKS[tone]}`.normalize('NFC');
}
