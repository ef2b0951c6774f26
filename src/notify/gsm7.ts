/**
 * The GSM 03.38 default alphabet, which SMS gateways use for 160-character messages. A character
 * of the extension table is sent as ESC + char and costs two septets; any character outside both
 * tables forces the whole message into UCS-2 (70 characters), which is what the texts avoid.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** The longest text one GSM-7 SMS carries, in septets. */
export const SMS_MAX_SEPTETS = 160;

export function isGsm7Char(ch: string): boolean {
  return BASIC_SET.has(ch) || EXTENSION_SET.has(ch);
}

/** Septets the text takes in GSM-7, or null if a character is outside the alphabet. */
export function gsm7Length(text: string): number | null {
  let septets = 0;
  for (const ch of text) {
    if (BASIC_SET.has(ch)) septets += 1;
    else if (EXTENSION_SET.has(ch)) septets += 2;
    else return null;
  }
  return septets;
}

/** The characters of the text GSM-7 cannot carry, once each, for error messages. */
export function nonGsm7Chars(text: string): string[] {
  return [...new Set([...text].filter((ch) => !isGsm7Char(ch)))];
}
