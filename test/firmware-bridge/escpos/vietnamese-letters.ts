/** Every letter of the Vietnamese alphabet with every tone, in NFC, lower case. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const CONSONANTS = [...'bcdđghklmnpqrstvx'];

export const VIETNAMESE_LOWER: string[] = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  ...CONSONANTS,
];

export const VIETNAMESE_UPPER: string[] = VIETNAMESE_LOWER.map((l) => l.toUpperCase());
