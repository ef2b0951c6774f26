/**
 * Token-level rules of the line dialect shared by the encoder and the parser, kept strict so
 * that every accepted line has exactly one spelling: decode then encode gives the same bytes.
 */

/** First byte of a line tells its kind; these three bytes appear nowhere else in a line. */
export const KIND_REQUEST = 0x3e; // '>'
export const KIND_REPLY = 0x3c; // '<'
export const KIND_EVENT = 0x21; // '!'
export const CRC_MARK = 0x2a; // '*'

export function isKindByte(byte: number): boolean {
  return byte === KIND_REQUEST || byte === KIND_REPLY || byte === KIND_EVENT;
}

/** Firmware identity in a HELLO reply: 1-24 of letters, digits, '.', '_', '-'. */
export const FIRMWARE_PATTERN = /^[A-Za-z0-9._-]{1,24}$/;
/** Fault code in a FAULT event: 1-16 of upper-case letters, digits, '_'. */
export const FAULT_CODE_PATTERN = /^[A-Z0-9_]{1,16}$/;

/** Value of one upper-case hex digit byte, or -1. */
export function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}

export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
